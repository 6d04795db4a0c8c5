# Sourced by deploy/run and deploy/benchmark: sets JAVA_HOME to a JDK 21 or newer.
java_major() { "$1" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/ {print $2}'; }
if [ -z "${JAVA_HOME:-}" ] || [ "$(java_major "$JAVA_HOME/bin/java")" -lt 21 ]; then
  JAVA_HOME=""
  if command -v java >/dev/null && [ "$(java_major java)" -ge 21 ]; then
    JAVA_HOME="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
  else
    for jdk in /usr/lib/jvm/*; do
      if [ -x "$jdk/bin/javac" ] && [ "$(java_major "$jdk/bin/java")" -ge 21 ]; then JAVA_HOME="$jdk"; break; fi
    done
  fi
  [ -n "$JAVA_HOME" ] || { echo "A JDK 21 or newer is needed: set JAVA_HOME." >&2; exit 1; }
  export JAVA_HOME
fi
