# Sourced by ./sdlab, ./test and .ci/run: points JAVA_HOME at a JDK of 21 or newer.
# The machines' default java is 17; sdlab needs 21 (records, sealed types, pattern switches).

sdlab_java_major() { # prints the major version of the java at $1/bin/java, or nothing
  # The JDK's release file says it without starting a JVM (a quarter of a second of CPU on every launch);
  # a JDK without one is asked.
  local major
  major=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null | head -n 1)
  if [ -z "$major" ]; then
    major=$("$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1)
  fi
  echo "$major"
}

sdlab_find_jdk() {
  local candidate major
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/javac" ] || continue
    major=$(sdlab_java_major "$candidate")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}

if ! SDLAB_JDK=$(sdlab_find_jdk); then
  echo "sdlab: no JDK 21 or newer found (looked at \$JAVA_HOME and /usr/lib/jvm)." >&2
  echo "sdlab: install one, e.g. 'apt-get install openjdk-21-jdk' or Temurin 21+, or set JAVA_HOME." >&2
  exit 2
fi
export JAVA_HOME="$SDLAB_JDK"
export PATH="$JAVA_HOME/bin:$PATH"
# Maven 3.8 on JDK 24+ warns about sun.misc.Unsafe in its own Guava; .mvn/jvm.config allows it.
