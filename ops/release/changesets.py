#!/usr/bin/env python3
"""Classifies the changesets a new release applied, for the blue-green drill's expand/contract rule.

Usage: changesets.py NEW_CHANGESETS.tsv
  The file holds rows of DATABASECHANGELOG (ID, AUTHOR, FILENAME, DESCRIPTION, tab-separated), as
  the drill selects them after green's start. Liquibase's DESCRIPTION names each change of the
  changeset ("addColumn tableName=...; createIndex indexName=..., tableName=...").
  Prints one line per changeset that contracts the schema ("contract", the old release may break
  on it) or that needs a person's review ("review": raw SQL, a type change that may widen or
  narrow, a dropped constraint the old release may rely on), and exits 1 if any contracts.
  Everything else (new tables, columns, indexes, rows, relaxed NOT NULL) expands: silent.
"""
import re
import sys

CONTRACT = {"dropColumn", "dropTable", "dropView", "renameColumn", "renameTable", "renameView", "mergeColumns",
            "addNotNullConstraint", "dropDefaultValue", "dropPrimaryKey", "dropSequence", "renameSequence",
            "dropProcedure"}
REVIEW = {"sql", "sqlFile", "modifyDataType", "dropUniqueConstraint", "dropForeignKeyConstraint", "dropIndex",
          "customChange", "executeCommand", "output", "delete", "update"}


def changes(description):
    """The change names in one DESCRIPTION, e.g. ['addColumn', 'createIndex']."""
    return [match.group(1) for match in re.finditer(r"(?:^|;\s*)([A-Za-z]+)", description)]


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    contracting = 0
    with open(sys.argv[1]) as rows:
        for row in rows:
            fields = row.rstrip("\n").split("\t")
            if len(fields) < 4:
                continue
            identifier, author, filename, description = fields[:4]
            kinds = changes(description)
            verdict = "contract" if CONTRACT & set(kinds) else "review" if REVIEW & set(kinds) else None
            if verdict:
                contracting += verdict == "contract"
                print(f"{verdict}\t{filename}::{identifier}::{author}\t{description}")
    return 1 if contracting else 0


if __name__ == "__main__":
    sys.exit(main())
