#!/usr/bin/env python3
"""Turn a Loket tenants folder into what the loket Helm chart mounts.

A ConfigMap holds no folders, so every file is stored under a flat key: its
path relative to the tenants folder with "/" replaced by "__"
(enschede/tenant.toml -> enschede__tenant.toml). The chart mounts each key
back at its path.

  # values for tenants.source=files: the chart creates the ConfigMap
  python3 helm/tenants-values.py tenants > tenants-values.json
  helm upgrade --install loket helm/loket -f tenants-values.json

  # or manage the ConfigMap (and Secret) yourself, e.g. with GitOps
  python3 helm/tenants-values.py tenants --configmap loket-tenants \
      --secret '*/jwks.json' > tenants-manifests.json   # kubectl apply -f
  python3 helm/tenants-values.py tenants --existing loket-tenants \
      --secret '*/jwks.json' > tenants-values.json      # helm ... -f

Files matching a --secret pattern (shell-style, on the relative path) go to a
Secret instead of the ConfigMap: tenants.secretFiles, or the Secret
NAME-files next to the ConfigMap NAME. Output is JSON, which Helm and kubectl
read as YAML. Only the standard library is needed.
"""

import argparse
import base64
import fnmatch
import json
import re
import sys
from pathlib import Path

# The chart's values.schema.json accepts the same paths.
PATH_RULE = re.compile(r"^[A-Za-z0-9_-][A-Za-z0-9._-]*(/[A-Za-z0-9_-][A-Za-z0-9._-]*)?$")
# What Kubernetes allows in one ConfigMap (the whole object, in etcd).
CONFIGMAP_LIMIT = 1024 * 1024


def key(path: str) -> str:
    return path.replace("/", "__")


def read_folder(root: Path) -> dict[str, str]:
    """Every file of the tenants folder by relative path, hidden ones left out."""
    files: dict[str, str] = {}
    problems: list[str] = []
    for file in sorted(root.rglob("*")):
        rel = file.relative_to(root)
        if any(part.startswith(".") for part in rel.parts):
            continue
        if file.is_dir():
            continue
        path = rel.as_posix()
        if not PATH_RULE.match(path):
            problems.append(
                f"{path}: only files at most one folder deep, named with letters, "
                "digits, '.', '_' and '-', can be mounted"
            )
            continue
        try:
            files[path] = file.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            problems.append(f"{path}: not UTF-8 text")
    if problems:
        sys.exit("tenants-values: " + "\n  ".join(["cannot use this folder:", *problems]))
    if not files:
        sys.exit(f"tenants-values: no files in {root}")
    return files


def split(files: dict[str, str], patterns: list[str]) -> tuple[dict[str, str], dict[str, str]]:
    plain, secret = {}, {}
    for path, text in files.items():
        (secret if any(fnmatch.fnmatch(path, p) for p in patterns) else plain)[path] = text
    return plain, secret


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path, help="the tenants folder")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--configmap", metavar="NAME", help="print a ConfigMap (and Secret) manifest")
    mode.add_argument("--existing", metavar="NAME", help="print values for an existing ConfigMap NAME")
    parser.add_argument(
        "--secret", metavar="PATTERN", action="append", default=[],
        help="files to keep in a Secret instead, e.g. '*/jwks.json' (repeatable)",
    )
    args = parser.parse_args()

    plain, secret = split(read_folder(args.folder), args.secret)
    size = sum(len(k) + len(v.encode()) for k, v in plain.items())
    if size > CONFIGMAP_LIMIT * 0.9:
        sys.exit(f"tenants-values: {size} bytes is too close to the ConfigMap limit of 1 MiB")

    if args.configmap:
        items = [{
            "apiVersion": "v1",
            "kind": "ConfigMap",
            "metadata": {"name": args.configmap},
            "data": {key(p): t for p, t in plain.items()},
        }]
        if secret:
            items.append({
                "apiVersion": "v1",
                "kind": "Secret",
                "metadata": {"name": f"{args.configmap}-files"},
                "type": "Opaque",
                "data": {key(p): base64.b64encode(t.encode()).decode() for p, t in secret.items()},
            })
        out = {"apiVersion": "v1", "kind": "List", "items": items}
    elif args.existing:
        tenants = {
            "source": "existingConfigMap",
            "existingConfigMap": {"name": args.existing, "files": sorted(plain)},
        }
        if secret:
            tenants["existingSecret"] = {"name": f"{args.existing}-files", "files": sorted(secret)}
        out = {"tenants": tenants}
    else:
        tenants = {"source": "files", "files": plain}
        if secret:
            tenants["secretFiles"] = secret
        out = {"tenants": tenants}
    json.dump(out, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
