// Validates every manifest in a directory against the Kubernetes and Strimzi schemas
// (kubernetes-models, offline), and checks what the schemas cannot: every container has the
// resource requests and limits and both probes, and no Secret is written out with its data.
// Usage: node validate.mjs DIR. Exit 1 with every problem listed.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseAllDocuments } from "yaml";

const dir = process.argv[2];
const problems = [];
let checked = 0;

async function model(apiVersion, kind) {
  const strimzi = apiVersion.startsWith("kafka.strimzi.io/");
  const path = strimzi ? `@kubernetes-models/strimzi-kafka-operator/${apiVersion}/${kind}`
    : `kubernetes-models/${apiVersion.includes("/") ? apiVersion : "v1"}/${kind}`;
  const module = await import(path).catch(() => null);
  return module?.[kind] ?? module?.default;
}

for (const file of readdirSync(dir).filter((f) => f.endsWith(".yaml")).sort()) {
  for (const document of parseAllDocuments(readFileSync(join(dir, file), "utf8"))) {
    const object = document.toJS();
    if (!object) {
      continue;
    }
    const where = `${file}: ${object.kind}/${object.metadata?.name}`;
    if (document.errors.length > 0) {
      problems.push(`${where}: ${document.errors[0].message}`);
      continue;
    }
    const Model = await model(object.apiVersion ?? "", object.kind ?? "");
    if (!Model) {
      problems.push(`${where}: no schema for ${object.apiVersion} ${object.kind}`);
      continue;
    }
    try {
      new Model(object).validate();
    } catch (e) {
      problems.push(`${where}: ${e.message}`);
    }
    if (object.kind === "Secret" && (object.data || object.stringData)) {
      problems.push(`${where}: secrets are referenced, never written into the manifests`);
    }
    for (const container of object.spec?.template?.spec?.containers ?? []) {
      const resources = container.resources ?? {};
      if (!resources.requests?.memory || !resources.requests?.cpu || !resources.limits?.memory || !resources.limits?.cpu) {
        problems.push(`${where}: container ${container.name} lacks resource requests or limits`);
      }
      if (!container.readinessProbe || !container.livenessProbe) {
        problems.push(`${where}: container ${container.name} lacks a readiness or liveness probe`);
      }
    }
    checked++;
  }
}
if (problems.length > 0) {
  console.error(problems.join("\n"));
  process.exit(1);
}
console.log(`${checked} manifests valid`);
