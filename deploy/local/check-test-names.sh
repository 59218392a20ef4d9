#!/usr/bin/env bash
# Fails when a test class would never run: every top-level class under */src/test/java that declares a
# test (@Test, @ParameterizedTest, @RepeatedTest, @TestFactory, @TestTemplate, jqwik's @Property and
# @Example) must have a simple name that surefire's (or, in a module that runs failsafe, failsafe's)
# include patterns match, or be named by a <test> element of its module's pom (a profile that runs it on
# purpose, like learning-service's benchmark). Abstract classes and interfaces are skipped (their
# subclasses run); nested classes run through their outer class.
#   deploy/local/check-test-names.sh
# Patterns: Maven's defaults plus any <include> of a surefire/failsafe configuration in the root or the
# module's pom (none today). Called by .ci/run at the start of its "test" phase; needs only bash and grep.
set -euo pipefail

BAEUM_SCRIPT="check-test-names"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"

surefire_defaults=('**/Test*.java' '**/*Test.java' '**/*Tests.java' '**/*TestCase.java')
failsafe_defaults=('**/IT*.java' '**/*IT.java' '**/*ITCase.java')
test_annotation='@(Test|ParameterizedTest|RepeatedTest|TestFactory|TestTemplate|Property|Example)([^A-Za-z0-9_]|$)'

# <include> patterns configured for a plugin in a pom (the root's pluginManagement or the module's own)
configured_includes() {   # configured_includes <pom> <plugin artifactId>
  sed -n "/<artifactId>$2<\/artifactId>/,/<\/plugin>/p" "$1" | sed -n 's:.*<include>\(.*\)</include>.*:\1:p'
}

unmatched=0
checked=0
for test_dir in */src/test/java; do
  module="${test_dir%%/*}"
  pom="$module/pom.xml"
  patterns=("${surefire_defaults[@]}")
  mapfile -t extra < <(configured_includes pom.xml maven-surefire-plugin; configured_includes "$pom" maven-surefire-plugin)
  patterns+=("${extra[@]+"${extra[@]}"}")
  if grep -q '<artifactId>maven-failsafe-plugin</artifactId>' "$pom"; then
    patterns+=("${failsafe_defaults[@]}")
    mapfile -t extra < <(configured_includes pom.xml maven-failsafe-plugin; configured_includes "$pom" maven-failsafe-plugin)
    patterns+=("${extra[@]+"${extra[@]}"}")
  fi
  # classes a pom names on purpose: <test>A,B</test>
  # (a ${property} there is read from the same pom, e.g. a profile's default list)
  named=""
  while IFS= read -r value; do
    while [[ "$value" =~ \$\{([A-Za-z0-9_.-]+)\} ]]; do
      prop="${BASH_REMATCH[1]}"
      value="${value//\$\{$prop\}/$(sed -n "s:.*<$prop>\(.*\)</$prop>.*:\1:p" "$pom" | head -1)}"
    done
    named+=",$value"
  done < <(sed -n 's:.*<test>\(.*\)</test>.*:\1:p' "$pom" | tr -d ' ')
  named="$named,"

  while IFS= read -r file; do
    name="$(basename "$file" .java)"
    # abstract classes and interfaces do not run themselves
    if grep -Eq "(abstract[[:space:]]+class|interface)[[:space:]]+$name([^A-Za-z0-9_]|$)" "$file"; then
      continue
    fi
    checked=$((checked + 1))
    [[ "$named" == *",$name,"* ]] && continue
    matched=0
    for pattern in "${patterns[@]}"; do
      glob="${pattern##*/}"   # **/*Tests.java -> *Tests.java, matched against the file name
      # shellcheck disable=SC2053  # the right-hand side is a glob on purpose
      if [[ "$name.java" == $glob ]]; then matched=1; break; fi
    done
    if [[ $matched -eq 0 ]]; then
      printf '[%s] never runs: %s (%s matches none of: %s)\n' "$BAEUM_SCRIPT" "$file" "$name" "${patterns[*]}" >&2
      unmatched=$((unmatched + 1))
    fi
  done < <(grep -rlE "$test_annotation" --include='*.java' "$test_dir" | sort)
done

if [[ $unmatched -gt 0 ]]; then
  printf '[%s] %d test class(es) are not run by surefire/failsafe: rename them (unit/integration tests end in Tests, suite scenarios in IT)\n' \
    "$BAEUM_SCRIPT" "$unmatched" >&2
  exit 1
fi
printf '[%s] all %d test classes match surefire/failsafe includes\n' "$BAEUM_SCRIPT" "$checked"
