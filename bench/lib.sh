# Shared by bench/run and bench/idle; sourced, not run.

# generate_tenants ROOT WORK COUNT: prints a tenants folder with COUNT tenants. Up to the demo
# tenants that is ROOT/tenants itself; beyond them a copy in WORK (symbolic links resolved,
# never the repository's own folder) with generated municipalities that have only the national
# template: copies of Haarlem with their own slug, name, municipality code and host names,
# taking part in the comparison of municipalities anonymously.
generate_tenants() {
  local root=$1 work=$2 count=$3 demo n slug dir
  demo=$(find -L "$root/tenants" -mindepth 2 -maxdepth 2 -name tenant.toml | wc -l)
  if ((count <= demo)); then
    echo "$root/tenants"
    return 0
  fi
  dir=$work/tenants-$count
  mkdir "$dir"
  cp -RL "$root/tenants/." "$dir/"
  [[ ! -L $dir && $(cd "$dir" && pwd -P) == "$(cd "$work" && pwd -P)/tenants-$count" ]] || {
    echo "the tenants copy is not inside $work" >&2
    return 1
  }
  for ((n = 1; n <= count - demo; n++)); do
    slug=$(printf 'gemeente-%02d' "$n")
    mkdir -p "$dir/$slug"
    sed -e "s/slug = \"haarlem\"/slug = \"$slug\"/" -e "s/Gemeente Haarlem/Gemeente $(printf %02d "$n")/" \
      -e "s/\"0392\"/\"$((9000 + n))\"/" -e "s/haarlem\.example/$slug.example/g" \
      -e 's/^share = "named"/share = "anonymous"/' -e 's/shared under our own name/shared anonymously/' \
      "$root/tenants/haarlem/tenant.toml" >"$dir/$slug/tenant.toml"
  done
  echo "$dir"
}

# tenant_rows DIR: the tenants of a tenants folder as the SQL rows bench/sql/seed.sql takes:
# (slug, index from 0, CBS code, reference prefix, callback teams or NULL), in slug order. The
# prefix is the slug's first three letters, or G and the number of a generated municipality.
tenant_rows() {
  python3 - "$1" <<'EOF'
import pathlib, sys, tomllib
rows = []
for i, path in enumerate(sorted(pathlib.Path(sys.argv[1]).glob("*/tenant.toml"))):
    t = tomllib.loads(path.read_text())
    slug = t["slug"]
    prefix = "G" + slug.split("-")[1] if slug.startswith("gemeente-") else slug[:3].upper()
    teams = t.get("contact_centre", {}).get("callback_teams")
    teams = "ARRAY[" + ", ".join(f"'{x}'" for x in teams) + "]" if teams else "NULL"
    rows.append(f"('{slug}', {i}, '{t['municipality_code']}', '{prefix}', {teams})")
print(", ".join(rows))
EOF
}

# cpu_ticks PID: CPU time of a process so far, in clock ticks (utime + stime of
# /proc/<pid>/stat; the fields after the command name, which may hold spaces, counted from the
# closing parenthesis). Empty when the process is gone.
cpu_ticks() { sed 's/^.*) //' "/proc/$1/stat" 2>/dev/null | awk '{print $12 + $13}'; }
clock_ticks=$(getconf CLK_TCK)

# free_port: a TCP port nobody listens on now.
free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
