#!/usr/bin/env bash
# Prints the home directory of an installed JDK (javac included, not just a JRE) whose
# feature version is at least MAJOR, e.g. `scripts/find-jdk.sh 21`.
#
# Looks, in this order, at: $JAVA_HOME, $JDK_HOME, every /usr/lib/jvm/* (and the usual
# macOS/SDKMAN/asdf places when present), the java alternatives (update-alternatives) and the
# `java` on PATH. A candidate's version comes from its `release` file (JAVA_VERSION=...),
# else from `bin/java -version`. The first candidate that qualifies wins, so an explicit
# JAVA_HOME of the right version is always preferred; among the directories the newest wins.
# Exits 1 with a message on stderr when none qualifies; 2 on bad usage.
set -euo pipefail

usage() { echo "usage: $0 <major>   (e.g. $0 21)" >&2; exit 2; }
[[ $# -eq 1 && $1 =~ ^[0-9]+$ ]] || usage
want=$1

# Feature version of a Java home, or nothing: "1.8.0_392" -> 8, "21.0.2" -> 21, "25" -> 25.
feature_version() {
  local home=$1 v=""
  if [[ -f $home/release ]]; then
    v=$(sed -n 's/^JAVA_VERSION="\{0,1\}\([^"]*\)"\{0,1\}$/\1/p' "$home/release" | head -n1)
  fi
  if [[ -z $v && -x $home/bin/java ]]; then
    v=$("$home/bin/java" -version 2>&1 | sed -n 's/.* version "\([^"]*\)".*/\1/p' | head -n1)
  fi
  [[ -n $v ]] || return 0
  if [[ $v == 1.* ]]; then v=${v#1.}; fi
  echo "${v%%[!0-9]*}"
}

# A Java home from a path to a java binary (symlinks resolved): .../bin/java -> ...
home_of_java() {
  local bin
  bin=$(readlink -f "$1" 2>/dev/null) || return 0
  dirname "$(dirname "$bin")"
}

candidates=()
[[ -n ${JAVA_HOME:-} ]] && candidates+=("$JAVA_HOME")
[[ -n ${JDK_HOME:-} ]] && candidates+=("$JDK_HOME")
# Directories, newest version first (sort -V on the names puts jdk-25 after jdk-21).
while IFS= read -r d; do candidates+=("$d"); done < <(
  for d in /usr/lib/jvm/* /usr/java/* /opt/java/* /Library/Java/JavaVirtualMachines/*/Contents/Home \
           "$HOME"/.sdkman/candidates/java/* "$HOME"/.asdf/installs/java/*; do
    [[ -d $d ]] && echo "$d"
  done | sort -Vr)
if command -v update-alternatives >/dev/null 2>&1; then
  while IFS= read -r j; do candidates+=("$(home_of_java "$j")"); done < <(
    update-alternatives --list java 2>/dev/null || true)
fi
if command -v java >/dev/null 2>&1; then
  candidates+=("$(home_of_java "$(command -v java)")")
fi

seen=" "
for home in "${candidates[@]}"; do
  [[ -n $home && -d $home ]] || continue
  home=$(cd "$home" && pwd -P)
  [[ $seen == *" $home "* ]] && continue
  seen+="$home "
  [[ -x $home/bin/javac && -x $home/bin/java ]] || continue
  v=$(feature_version "$home")
  if [[ -n $v ]] && (( v >= want )); then
    echo "$home"
    exit 0
  fi
done

{
  echo "find-jdk.sh: no JDK $want or newer found (looked at JAVA_HOME, JDK_HOME, /usr/lib/jvm/*,"
  echo "  update-alternatives and the java on PATH; found:${seen% })."
  echo "  Install a JDK $want+ (e.g. apt-get install openjdk-$want-jdk-headless) or set JAVA_HOME to one."
} >&2
exit 1
