"""Checks on `helm template` output that schema validation and kube-score do not make.

Run by deploy/scripts/helm-check.sh with the kubernetes-validate venv's python (PyYAML).

  check_rendered.py split RENDERED OUT
      Copy the documents of built-in Kubernetes kinds to OUT, leaving out custom resources
      (ServiceMonitor), which kubernetes-validate has no schema for.
  check_rendered.py check RENDERED PROFILE RELEASE
      Assert the house rules (STYLE.md rule 10) and the wiring between resources. PROFILE must
      hold a line `# expect-kinds: Kind=N …` naming every kind it renders and how many.
"""

from __future__ import annotations

import re
import sys
from collections import Counter

import yaml

SERVICES = ["gateway", "members", "points", "campaigns", "feedback", "notifications"]
# Mirrors helm/customer-club/templates/_topology.tpl.
GRPC_CALLERS = {
    "gateway": set(),
    "members": {"gateway", "points", "campaigns"},
    "points": {"gateway", "campaigns"},
    "campaigns": {"gateway"},
    "feedback": {"gateway"},
    "notifications": {"gateway"},
}
STANDARD_LABELS = [
    "app.kubernetes.io/name",
    "app.kubernetes.io/instance",
    "app.kubernetes.io/version",
    "app.kubernetes.io/component",
    "app.kubernetes.io/part-of",
    "app.kubernetes.io/managed-by",
]
CUSTOM_GROUPS = ("monitoring.coreos.com/",)
HTTP, GRPC = 8080, 50051

errors: list[str] = []


def fail(where: str, msg: str) -> None:
    errors.append(f"{where}: {msg}")


def load(path: str) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [d for d in yaml.safe_load_all(f) if d]


def split(rendered: str, out: str) -> None:
    docs = load(rendered)
    builtin = [d for d in docs if not d["apiVersion"].startswith(CUSTOM_GROUPS)]
    skipped = Counter(d["kind"] for d in docs if d["apiVersion"].startswith(CUSTOM_GROUPS))
    with open(out, "w", encoding="utf-8") as f:
        yaml.safe_dump_all(builtin, f, sort_keys=False)
    if skipped:
        what = ", ".join(f"{n} {k}" for k, n in sorted(skipped.items()))
        print(f"   not schema-validated (custom resources, no bundled schema): {what}; checked structurally instead")


def matches(selector: dict, labels: dict) -> bool:
    return all(labels.get(k) == v for k, v in (selector or {}).items())


def env_map(container: dict) -> dict:
    return {e["name"]: e for e in container.get("env", [])}


def check_deployment(d: dict, release: str, secrets: dict, services: list[dict]) -> None:
    name = d["metadata"]["name"]
    svc = d["metadata"]["labels"].get("app.kubernetes.io/component")
    where = f"Deployment/{name}"
    if svc not in SERVICES or name != f"{release}-{svc}":
        fail(where, f"unexpected name/component {svc!r}")
        return
    pod = d["spec"]["template"]
    for labels, what in ((d["metadata"]["labels"], "metadata"), (pod["metadata"]["labels"], "pod template")):
        missing = [k for k in STANDARD_LABELS if not labels.get(k)]
        if missing:
            fail(where, f"{what} lacks labels {missing}")
    if not matches(d["spec"]["selector"]["matchLabels"], pod["metadata"]["labels"]):
        fail(where, "selector does not match the pod template labels")

    spec = pod["spec"]
    psc = spec.get("securityContext", {})
    if psc.get("runAsNonRoot") is not True or psc.get("seccompProfile", {}).get("type") != "RuntimeDefault":
        fail(where, "pod must run as non-root with the RuntimeDefault seccomp profile")
    if spec.get("automountServiceAccountToken") is not False:
        fail(where, "service account token must not be mounted")
    (c,) = spec["containers"]
    sc = c.get("securityContext", {})
    if not (sc.get("readOnlyRootFilesystem") is True and sc.get("allowPrivilegeEscalation") is False
            and sc.get("capabilities", {}).get("drop") == ["ALL"]):
        fail(where, "container must have a read-only root, no privilege escalation and drop ALL")
    tmp_volumes = {v["name"] for v in spec.get("volumes", []) if "emptyDir" in v}
    if not any(m["mountPath"] == "/tmp" and m["name"] in tmp_volumes for m in c.get("volumeMounts", [])):
        fail(where, "no emptyDir mounted at /tmp")
    for kind in ("requests", "limits"):
        for res in ("cpu", "memory"):
            if res not in c.get("resources", {}).get(kind, {}):
                fail(where, f"missing resources.{kind}.{res}")
    ports = {p["name"]: p["containerPort"] for p in c.get("ports", [])}
    if ports != {"http": HTTP, "grpc": GRPC}:
        fail(where, f"container ports {ports}")

    ready = c.get("readinessProbe", {}).get("httpGet", {})
    if ready.get("path") != "/readyz":
        fail(where, "readiness must be HTTP /readyz")
    live = c.get("livenessProbe", {})
    if svc == "gateway":
        if live.get("httpGet", {}).get("path") != "/healthz":
            fail(where, "gateway liveness must be HTTP /healthz")
    elif live.get("grpc", {}).get("port") != GRPC:
        fail(where, "gRPC services' liveness must be the gRPC-native probe on 50051")
    if "startupProbe" not in c:
        fail(where, "no startupProbe")
    sleep = c.get("lifecycle", {}).get("preStop", {}).get("sleep", {}).get("seconds", 0)
    if spec.get("terminationGracePeriodSeconds", 30) <= sleep:
        fail(where, "terminationGracePeriodSeconds must exceed the preStop sleep")

    env = env_map(c)
    fixed = {"NODE_ENV": "production", "PORT": str(HTTP), "GRPC_PORT": str(GRPC), "SERVICE_NAME": svc}
    for key, want in fixed.items():
        if env.get(key, {}).get("value") != want:
            fail(where, f"env {key} should be {want!r}")
    for key in ("LOG_LEVEL", "KAFKA_BROKERS", "KAFKA_CLIENT_ID"):
        if not env.get(key, {}).get("value"):
            fail(where, f"env {key} missing or empty")
    secret_env = ["DATABASE_URL"] + (["CLUB_ADMIN_TOKEN"] if svc == "gateway" else [])
    for key in secret_env:
        ref = env.get(key, {}).get("valueFrom", {}).get("secretKeyRef")
        if not ref:
            fail(where, f"env {key} must come from a Secret")
        elif ref["name"] in secrets and ref["key"] not in secrets[ref["name"]].get("data", {}):
            fail(where, f"env {key}: key {ref['key']!r} not in the chart's Secret {ref['name']}")
    callees = sorted(s for s, callers in GRPC_CALLERS.items() if svc in callers)
    want_addrs = {f"{s.upper()}_GRPC_ADDR" for s in callees}
    have_addrs = {k for k in env if k.endswith("_GRPC_ADDR")}
    if want_addrs != have_addrs:
        fail(where, f"gRPC address env {sorted(have_addrs)}, expected {sorted(want_addrs)}")
    by_name = {s["metadata"]["name"]: s for s in services}
    for s in callees:
        host, _, port = env.get(f"{s.upper()}_GRPC_ADDR", {}).get("value", "").partition(":")
        target = by_name.get(host)
        if not target or int(port or 0) not in {p["port"] for p in target["spec"]["ports"]}:
            fail(where, f"{s.upper()}_GRPC_ADDR does not point at a rendered Service port")

    own = [s for s in services if matches(s["spec"]["selector"], pod["metadata"]["labels"])]
    if len(own) != 1:
        fail(where, f"{len(own)} Services select it, expected 1")
    elif svc != "gateway" and own[0]["spec"].get("type", "ClusterIP") != "ClusterIP":
        fail(where, "only the gateway may be exposed beyond ClusterIP")


def peers_components(rule: dict) -> set:
    return {p.get("podSelector", {}).get("matchLabels", {}).get("app.kubernetes.io/component") for p in rule.get("from", [])}


def check(rendered: str, profile: str, release: str) -> None:
    docs = load(rendered)
    kinds = Counter(d["kind"] for d in docs)
    with open(profile, encoding="utf-8") as f:
        m = re.search(r"^# expect-kinds:(.*)$", f.read(), re.M)
    if not m:
        fail(profile, "no `# expect-kinds: Kind=N …` line")
    else:
        expected = {k: int(n) for k, n in (p.split("=") for p in m.group(1).split())}
        if dict(kinds) != expected:
            fail(profile, f"rendered kinds {dict(sorted(kinds.items()))}, expected {dict(sorted(expected.items()))}")

    of = lambda kind: [d for d in docs if d["kind"] == kind]  # noqa: E731
    deployments, services = of("Deployment"), of("Service")
    secrets = {s["metadata"]["name"]: s for s in of("Secret")}
    pod_labels = {d["metadata"]["name"]: d["spec"]["template"]["metadata"]["labels"] for d in deployments}

    for d in docs:
        labels = d["metadata"].get("labels", {})
        missing = [k for k in STANDARD_LABELS if not labels.get(k)]
        if missing:
            fail(f"{d['kind']}/{d['metadata']['name']}", f"lacks labels {missing}")
    if sorted(d["metadata"]["labels"]["app.kubernetes.io/component"] for d in deployments) != sorted(SERVICES):
        fail(rendered, "expected exactly one Deployment per service")
    for d in deployments:
        check_deployment(d, release, secrets, services)

    hpa_targets = {h["spec"]["scaleTargetRef"]["name"] for h in of("HorizontalPodAutoscaler")}
    for d in deployments:
        if (d["metadata"]["name"] in hpa_targets) == ("replicas" in d["spec"]):
            fail(f"Deployment/{d['metadata']['name']}", "replicas must be set exactly when no HPA targets it")
    for t in hpa_targets - set(pod_labels):
        fail(f"HorizontalPodAutoscaler/{t}", "targets no rendered Deployment")

    for pdb in of("PodDisruptionBudget"):
        if sum(matches(pdb["spec"]["selector"]["matchLabels"], l) for l in pod_labels.values()) != 1:
            fail(f"PodDisruptionBudget/{pdb['metadata']['name']}", "must select exactly one Deployment's pods")

    policies = of("NetworkPolicy")
    if policies:
        for name, labels in pod_labels.items():
            selecting = [p for p in policies if matches(p["spec"]["podSelector"]["matchLabels"], labels)]
            if len(selecting) != 1:
                fail(f"Deployment/{name}", f"selected by {len(selecting)} NetworkPolicies, expected 1")
                continue
            (p,) = selecting
            svc = labels["app.kubernetes.io/component"]
            if svc not in GRPC_CALLERS:
                continue  # already reported by check_deployment
            rules = p["spec"].get("ingress", [])
            grpc_rules = [r for r in rules if any(pt.get("port") == GRPC for pt in r.get("ports", []))]
            callers = set().union(*(peers_components(r) for r in grpc_rules)) if grpc_rules else set()
            if callers != GRPC_CALLERS[svc]:
                fail(f"NetworkPolicy/{p['metadata']['name']}", f"gRPC callers {sorted(callers)}, expected {sorted(GRPC_CALLERS[svc])}")
            if not any(any(pt.get("port") == HTTP for pt in r.get("ports", [])) for r in rules):
                fail(f"NetworkPolicy/{p['metadata']['name']}", "nothing may reach 8080 (metrics scrape)")

    by_name = {s["metadata"]["name"]: s for s in services}
    for sm in of("ServiceMonitor"):
        where = f"ServiceMonitor/{sm['metadata']['name']}"
        targets = [s for s in services if matches(sm["spec"]["selector"]["matchLabels"], s["metadata"]["labels"])]
        if len(targets) != 1:
            fail(where, f"selects {len(targets)} Services, expected 1")
        elif not all(e["port"] in {p["name"] for p in targets[0]["spec"]["ports"]} for e in sm["spec"]["endpoints"]):
            fail(where, "endpoint port not on the Service")
    for ing in of("Ingress"):
        for rule in ing["spec"]["rules"]:
            for path in rule["http"]["paths"]:
                b = path["backend"]["service"]
                if b["name"] not in by_name or b["port"]["name"] not in {p["name"] for p in by_name[b["name"]]["spec"]["ports"]}:
                    fail(f"Ingress/{ing['metadata']['name']}", f"backend {b} is not a rendered Service port")

    if errors:
        print("\n".join(f"house rule: {e}" for e in errors), file=sys.stderr)
        sys.exit(1)
    print(f"   house rules OK ({len(docs)} resources: {', '.join(f'{n} {k}' for k, n in sorted(kinds.items()))})")


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "split":
        split(sys.argv[2], sys.argv[3])
    elif len(sys.argv) == 5 and sys.argv[1] == "check":
        check(sys.argv[2], sys.argv[3], sys.argv[4])
    else:
        sys.exit(__doc__)
