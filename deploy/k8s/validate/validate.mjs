// Offline validation of rendered Kubernetes manifests (the output of `kubectl kustomize`), run by
// ops/k8s/validate.sh. No cluster is needed.
//
//   node validate.mjs FILE...      validate every object of every YAML file (or "-" for stdin)
//   node validate.mjs --self-check prove the checks reject a misspelled field and a wrong type
//
// Each object is checked twice:
//  1. schema: the model class for its apiVersion/kind from kubernetes-models,
//     @kubernetes-models/argo-rollouts or @kubernetes-models/cert-manager, and its validate()
//     (JSON schema: required fields, types, enums, formats). A kind no package models fails,
//     unless ALLOWED below names it with a reason and a hand-written check.
//  2. unknown fields: the JSON schemas accept misspelled field names, so every object is also
//     type-checked by the TypeScript compiler against the same package's interface (I<Kind>):
//     an object literal with a property the interface lacks is an error at any depth
//     (excess-property check), and so is a value of the wrong type.
// Exit code 0 when every object passes, 1 otherwise, with one line per problem.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import * as yaml from "js-yaml";
import ts from "typescript";

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const PACKAGES = ["kubernetes-models", "@kubernetes-models/argo-rollouts", "@kubernetes-models/cert-manager"];

// Kinds no package above models, each with the reason and a check of its own.
const ALLOWED = {
  "monitoring.coreos.com/v1/PrometheusRule": {
    reason: "Prometheus Operator CRD: not in the pinned model packages (checked here, strictly)",
    check: checkPrometheusRule,
  },
  "monitoring.coreos.com/v1/PodMonitor": {
    reason: "Prometheus Operator CRD: not in the pinned model packages (checked here, strictly)",
    check: checkPodMonitor,
  },
};

/** The module path (without extension) of the model for apiVersion/kind, or null. */
function modelModule(apiVersion, kind) {
  for (const pkg of PACKAGES) {
    const candidate = `${pkg}/${apiVersion}/${kind}`;
    try {
      require.resolve(candidate);
      return candidate;
    } catch {
      // not this package
    }
  }
  return null;
}

function describe(object, index) {
  const meta = object?.metadata ?? {};
  return `#${index} ${object?.kind ?? "?"} ${meta.namespace ? meta.namespace + "/" : ""}${meta.name ?? "?"}`;
}

/** Schema check of each object; returns [{object, index, module}] for the type check, pushes problems. */
function checkSchemas(objects, problems) {
  const typed = [];
  objects.forEach((object, index) => {
    const where = describe(object, index);
    if (!object || typeof object !== "object" || !object.apiVersion || !object.kind) {
      problems.push(`${where}: not a Kubernetes object (no apiVersion/kind)`);
      return;
    }
    const allowed = ALLOWED[`${object.apiVersion}/${object.kind}`];
    if (allowed) {
      for (const problem of allowed.check(object)) problems.push(`${where}: ${problem}`);
      return;
    }
    const module = modelModule(object.apiVersion, object.kind);
    if (!module) {
      problems.push(`${where}: no model for ${object.apiVersion} ${object.kind} (add one or allow-list it with a reason)`);
      return;
    }
    const Model = require(module)[object.kind];
    try {
      new Model(object).validate();
    } catch (invalid) {
      problems.push(`${where}: ${invalid.message.replace(/\s+/g, " ")}`);
    }
    typed.push({ object, index, module });
  });
  return typed;
}

/** TypeScript's check of every object literal against its model's interface. */
function checkTypes(typed, problems) {
  if (typed.length === 0) return;
  const lines = [];
  const owners = []; // line number -> typed entry
  typed.forEach((entry, n) => {
    const kind = entry.object.kind;
    lines.push(`import type { I${kind} as T${n} } from ${JSON.stringify(entry.module)};`);
  });
  typed.forEach((entry, n) => {
    const body = JSON.stringify(entry.object, null, 1).split("\n");
    body[0] = `export const o${n}: T${n} = ${body[0]}`;
    body[body.length - 1] += ";";
    for (const line of body) {
      owners[lines.length] = entry;
      lines.push(line);
    }
  });
  const file = path.join(here, ".check-manifests.ts");
  const source = lines.join("\n");
  const host = ts.createCompilerHost({});
  const readFile = host.readFile.bind(host);
  host.readFile = (name) => (path.resolve(name) === file ? source : readFile(name));
  const exists = host.fileExists.bind(host);
  host.fileExists = (name) => path.resolve(name) === file || exists(name);
  const program = ts.createProgram([file], {
    strict: true, noEmit: true, skipLibCheck: true, types: [], lib: ["lib.es2020.d.ts"],
    module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2020,
  }, host);
  for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, " ");
    if (!diagnostic.file || path.resolve(diagnostic.file.fileName) !== file) {
      problems.push(`type check: ${message}`);
      continue;
    }
    const { line } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
    const entry = owners[line];
    const where = entry ? describe(entry.object, entry.index) : "type check";
    problems.push(`${where}: ${lines[line].trim().replace(/,$/, "")}: ${message}`);
  }
}

// ---- hand-written checks for the allow-listed Prometheus Operator kinds -------------------------

function strictKeys(value, allowed, where, problems) {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    problems.push(`${where} must be an object`);
    return false;
  }
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) problems.push(`${where}.${key} is not a known field (allowed: ${allowed.join(", ")})`);
  }
  return true;
}

function checkMetadata(object, problems) {
  if (strictKeys(object.metadata, ["name", "namespace", "labels", "annotations"], "metadata", problems)
      && typeof object.metadata.name !== "string") {
    problems.push("metadata.name must be a string");
  }
  strictKeys(object, ["apiVersion", "kind", "metadata", "spec"], "object", problems);
}

function stringMap(value, where, problems) {
  if (value === undefined) return;
  if (value === null || typeof value !== "object") problems.push(`${where} must be a map of strings`);
  else for (const [key, v] of Object.entries(value)) if (typeof v !== "string") problems.push(`${where}.${key} must be a string`);
}

const DURATION = /^((\d+)(ms|s|m|h|d|w|y))+$/;

function checkPrometheusRule(object) {
  const problems = [];
  checkMetadata(object, problems);
  if (!strictKeys(object.spec, ["groups"], "spec", problems)) return problems;
  if (!Array.isArray(object.spec.groups) || object.spec.groups.length === 0) {
    problems.push("spec.groups must be a non-empty list");
    return problems;
  }
  object.spec.groups.forEach((group, g) => {
    const at = `spec.groups[${g}]`;
    if (!strictKeys(group, ["name", "interval", "rules"], at, problems)) return;
    if (typeof group.name !== "string" || !group.name) problems.push(`${at}.name must be a non-empty string`);
    if (group.interval !== undefined && !DURATION.test(group.interval)) problems.push(`${at}.interval must be a duration`);
    if (!Array.isArray(group.rules) || group.rules.length === 0) {
      problems.push(`${at}.rules must be a non-empty list`);
      return;
    }
    group.rules.forEach((rule, r) => {
      const ra = `${at}.rules[${r}]`;
      if (!strictKeys(rule, ["alert", "record", "expr", "for", "keep_firing_for", "labels", "annotations"], ra, problems)) return;
      if ((rule.alert === undefined) === (rule.record === undefined)) problems.push(`${ra} needs exactly one of alert and record`);
      for (const name of ["alert", "record"]) {
        if (rule[name] !== undefined && !/^[a-zA-Z_:][a-zA-Z0-9_:]*$/.test(rule[name])) problems.push(`${ra}.${name} is not a valid name`);
      }
      if (typeof rule.expr !== "string" || !rule.expr.trim()) problems.push(`${ra}.expr must be a non-empty string`);
      else if (!balanced(rule.expr)) problems.push(`${ra}.expr has unbalanced brackets`);
      for (const name of ["for", "keep_firing_for"]) {
        if (rule[name] !== undefined && !DURATION.test(rule[name])) problems.push(`${ra}.${name} must be a duration such as 5m`);
      }
      stringMap(rule.labels, `${ra}.labels`, problems);
      stringMap(rule.annotations, `${ra}.annotations`, problems);
    });
  });
  return problems;
}

function balanced(expression) {
  const stack = [];
  const pairs = { ")": "(", "]": "[", "}": "{" };
  let quote = null;
  for (const c of expression) {
    if (quote) { if (c === quote) quote = null; continue; }
    if (c === '"' || c === "'") quote = c;
    else if ("([{".includes(c)) stack.push(c);
    else if (c in pairs && stack.pop() !== pairs[c]) return false;
  }
  return stack.length === 0 && !quote;
}

function checkPodMonitor(object) {
  const problems = [];
  checkMetadata(object, problems);
  if (!strictKeys(object.spec, ["selector", "podMetricsEndpoints", "namespaceSelector", "jobLabel", "podTargetLabels"], "spec", problems)) return problems;
  if (strictKeys(object.spec.selector, ["matchLabels", "matchExpressions"], "spec.selector", problems)) {
    stringMap(object.spec.selector.matchLabels, "spec.selector.matchLabels", problems);
  }
  if (!Array.isArray(object.spec.podMetricsEndpoints) || object.spec.podMetricsEndpoints.length === 0) {
    problems.push("spec.podMetricsEndpoints must be a non-empty list");
    return problems;
  }
  object.spec.podMetricsEndpoints.forEach((endpoint, e) => {
    const at = `spec.podMetricsEndpoints[${e}]`;
    if (!strictKeys(endpoint, ["port", "path", "interval", "scrapeTimeout", "scheme", "relabelings", "metricRelabelings", "honorLabels"], at, problems)) return;
    if (typeof endpoint.port !== "string") problems.push(`${at}.port must be a port name`);
    if (endpoint.path !== undefined && !String(endpoint.path).startsWith("/")) problems.push(`${at}.path must start with /`);
    if (endpoint.interval !== undefined && !DURATION.test(endpoint.interval)) problems.push(`${at}.interval must be a duration`);
    (endpoint.relabelings ?? []).forEach((relabel, r) => {
      const ra = `${at}.relabelings[${r}]`;
      if (!strictKeys(relabel, ["sourceLabels", "targetLabel", "regex", "replacement", "action", "separator", "modulus"], ra, problems)) return;
      if (relabel.sourceLabels !== undefined && !(Array.isArray(relabel.sourceLabels) && relabel.sourceLabels.every((s) => typeof s === "string"))) {
        problems.push(`${ra}.sourceLabels must be a list of label names`);
      }
    });
  });
  return problems;
}

// ---- entry points -------------------------------------------------------------------------------

function validate(objects) {
  const problems = [];
  const typed = checkSchemas(objects, problems);
  checkTypes(typed, problems);
  return problems;
}

function readObjects(files) {
  const objects = [];
  for (const file of files) {
    const text = fs.readFileSync(file === "-" ? 0 : file, "utf8");
    for (const document of yaml.loadAll(text)) if (document !== null && document !== undefined) objects.push(document);
  }
  return objects;
}

/** Known-good objects, then each broken one way; every broken one must be refused. */
function selfCheck() {
  const deployment = {
    apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "probe" },
    spec: {
      replicas: 2, selector: { matchLabels: { app: "probe" } },
      template: {
        metadata: { labels: { app: "probe" } },
        spec: { containers: [{ name: "c", image: "i", readinessProbe: { httpGet: { path: "/readyz", port: 8080 } } }] },
      },
    },
  };
  const rollout = {
    apiVersion: "argoproj.io/v1alpha1", kind: "Rollout", metadata: { name: "probe" },
    spec: {
      selector: { matchLabels: { app: "probe" } },
      strategy: { blueGreen: { activeService: "a", previewService: "p", autoPromotionEnabled: false } },
      template: { metadata: { labels: { app: "probe" } }, spec: { containers: [{ name: "c", image: "i" }] } },
    },
  };
  const certificate = {
    apiVersion: "cert-manager.io/v1", kind: "Certificate", metadata: { name: "probe" },
    spec: { secretName: "s", dnsNames: ["shop.example.com"], issuerRef: { kind: "ClusterIssuer", name: "i" } },
  };
  const rule = {
    apiVersion: "monitoring.coreos.com/v1", kind: "PrometheusRule", metadata: { name: "probe" },
    spec: { groups: [{ name: "g", rules: [{ alert: "A", expr: "up == 0", for: "5m" }] }] },
  };
  const clone = (o) => JSON.parse(JSON.stringify(o));
  const broken = [
    ["misspelled top-level spec field (replcas)", () => { const d = clone(deployment); d.spec.replcas = 2; return d; }],
    ["misspelled deep field (readinessProbe.httpGet.paht)", () => {
      const d = clone(deployment); const get = d.spec.template.spec.containers[0].readinessProbe.httpGet;
      get.paht = get.path; delete get.path; return d; }],
    ["wrong type (replicas as a string)", () => { const d = clone(deployment); d.spec.replicas = "two"; return d; }],
    ["misspelled Rollout field (autoPromotionEnable)", () => {
      const r = clone(rollout); r.spec.strategy.blueGreen.autoPromotionEnable = false; return r; }],
    ["wrong type in a Rollout (autoPromotionEnabled as a string)", () => {
      const r = clone(rollout); r.spec.strategy.blueGreen.autoPromotionEnabled = "false"; return r; }],
    ["misspelled Certificate field (dnsName)", () => { const c = clone(certificate); c.spec.dnsName = ["x"]; return c; }],
    ["misspelled PrometheusRule field (expresion)", () => {
      const p = clone(rule); p.spec.groups[0].rules[0].expresion = "up"; return p; }],
    ["wrong type in a PrometheusRule (for as a number)", () => { const p = clone(rule); p.spec.groups[0].rules[0].for = 5; return p; }],
    ["an unmodelled kind", () => ({ apiVersion: "example.com/v1", kind: "Gadget", metadata: { name: "x" } })],
  ];
  let failed = 0;
  const good = validate([deployment, rollout, certificate, rule]);
  if (good.length) {
    failed++;
    console.error(`self-check: the known-good objects were refused:\n  ${good.join("\n  ")}`);
  }
  // All broken objects in one run (one TypeScript program); each must draw a problem of its own.
  const problems = validate(broken.map(([, make]) => make()));
  broken.forEach(([what], index) => {
    const own = problems.filter((problem) => problem.startsWith(`#${index} `));
    if (own.length === 0) {
      failed++;
      console.error(`self-check: NOT caught: ${what}`);
    } else {
      console.log(`self-check: caught ${what}: ${own[0].slice(0, 160)}`);
    }
  });
  return failed === 0;
}

const args = process.argv.slice(2);
if (args.length === 0 || args.includes("--help")) {
  console.log("usage: node validate.mjs FILE... | --self-check");
  process.exit(args.length === 0 ? 2 : 0);
}
if (args[0] === "--self-check") {
  process.exit(selfCheck() ? 0 : 1);
}
const objects = readObjects(args);
const problems = validate(objects);
for (const problem of problems) console.error(problem);
const kinds = {};
for (const o of objects) kinds[o.kind] = (kinds[o.kind] ?? 0) + 1;
const summary = Object.entries(kinds).map(([k, n]) => `${n} ${k}`).join(", ");
if (problems.length) {
  console.error(`${problems.length} problem(s) in ${objects.length} objects`);
  process.exit(1);
}
const allowed = Object.entries(ALLOWED).filter(([key]) => objects.some((o) => `${o.apiVersion}/${o.kind}` === key));
console.log(`valid: ${objects.length} objects (${summary})`
  + (allowed.length ? `; checked by hand: ${allowed.map(([k, v]) => `${k} (${v.reason})`).join("; ")}` : ""));
