/**
 * What the application knows of its own backups: the last success of each kind (full backups and
 * binlog archiving, recorded by the scripts in {@code ops/backup/} in the table
 * {@code ops_backup_status}), exported as a gauge so that a backup that stops succeeding raises an
 * alert. The backups themselves are scripts, not application code.
 */
package com.buildnest.platform.backup;
