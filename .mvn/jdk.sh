# Sourced by ./mvnw (POSIX sh). Tollgate needs Java 21+ (25 preferred); on Debian 12 the default
# java is 17, so when JAVA_HOME is unset or older we pick the newest JDK 21+ under /usr/lib/jvm.
tollgate_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p'
}
tollgate_pick_jdk() {
  if [ -n "${JAVA_HOME-}" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
    major="$(tollgate_java_major "$JAVA_HOME")"
    [ "${major:-0}" -ge 21 ] && return 0
  fi
  if [ -z "${JAVA_HOME-}" ] && command -v javac >/dev/null 2>&1; then
    home="$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")"
    major="$(tollgate_java_major "$home")"
    if [ "${major:-0}" -ge 21 ]; then JAVA_HOME="$home"; export JAVA_HOME; return 0; fi
  fi
  best="" best_major=0
  set +f
  for home in /usr/lib/jvm/* "$HOME"/.sdkman/candidates/java/* /opt/java/*; do
    [ -x "$home/bin/javac" ] || continue
    major="$(tollgate_java_major "$home")"
    if [ "${major:-0}" -ge 21 ] && [ "$major" -gt "$best_major" ]; then best="$home" best_major="$major"; fi
  done
  set -f
  if [ -n "$best" ]; then
    JAVA_HOME="$best"; export JAVA_HOME
  else
    echo "Tollgate needs a JDK 21 or newer (25 recommended); set JAVA_HOME to one." >&2
    exit 1
  fi
}
tollgate_pick_jdk
