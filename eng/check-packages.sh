#!/usr/bin/env bash
# Checks the packages `dotnet pack` wrote to a folder, before anything consumes them:
#   eng/check-packages.sh <folder> <version>
# The folder must hold exactly Negotiations, Negotiations.Marten, Negotiations.MediatR and Negotiations.Testing at
# <version>, each with the README inside, the MIT licence expression, a description, authors, tags and repository
# metadata (type git, url, commit). The compiled ones also carry lib/net10.0/<id>.dll with its XML docs, and a .snupkg
# with the PDB. Negotiations.MediatR is source only: contentFiles, no lib/, no .snupkg. Libraries depend only on each
# other, on Marten, MediatR or FluentAssertions for their adapters, and on Microsoft.Extensions.* abstractions 10.0.x.
# Every problem is printed, naming the package and what is missing; the exit code is 1 if there was any.
set -uo pipefail

folder="${1:?usage: eng/check-packages.sh <folder> <version>}"
version="${2:?usage: eng/check-packages.sh <folder> <version>}"
compiled=(Negotiations Negotiations.Marten Negotiations.Testing)
source_only=(Negotiations.MediatR)
problems=0

fail() {
  echo "check-packages: $1: $2" >&2
  problems=$((problems + 1))
}

if ! command -v unzip >/dev/null 2>&1; then
  echo "check-packages: unzip is needed (apt-get install unzip)" >&2
  exit 1
fi

expected=$(printf '%s\n' "${compiled[@]}" "${source_only[@]}" | sed "s/\$/.$version.nupkg/" | sort)
found=$(find "$folder" -maxdepth 1 -name '*.nupkg' -printf '%f\n' | sort)
for extra in $(comm -13 <(echo "$expected") <(echo "$found")); do
  fail "$extra" "packed, but only the four library packages should be (is a test or sample project packable?)"
done

check_metadata() {
  local id=$1 package=$2 nuspec
  nuspec=$(unzip -p "$package" "$id.nuspec" 2>/dev/null | tr -d '\r')
  if [ -z "$nuspec" ]; then
    fail "$id" "no $id.nuspec in the package"
    return
  fi

  grep -q "<id>$id</id>" <<<"$nuspec" || fail "$id" "nuspec id is not $id"
  grep -q "<version>$version</version>" <<<"$nuspec" || fail "$id" "nuspec version is not $version"
  grep -q '<license type="expression">MIT</license>' <<<"$nuspec" || fail "$id" "no MIT licence expression (<license type=\"expression\">MIT</license>)"
  grep -Eq '<description>[^<]+</description>' <<<"$nuspec" || fail "$id" "no description"
  grep -Eq '<authors>[^<]+</authors>' <<<"$nuspec" || fail "$id" "no authors"
  grep -Eq '<tags>[^<]+</tags>' <<<"$nuspec" || fail "$id" "no tags"
  grep -Eq '<projectUrl>https://[^<]+</projectUrl>' <<<"$nuspec" || fail "$id" "no project URL"
  grep -q '<readme>README.md</readme>' <<<"$nuspec" || fail "$id" "nuspec does not name README.md as its readme"
  unzip -l "$package" README.md >/dev/null 2>&1 || fail "$id" "no README.md in the package"
  grep -Eq '<repository type="git" url="https://[^"]+"[^>]* commit="[0-9a-f]{40}"' <<<"$nuspec" \
    || fail "$id" "no repository metadata (<repository type=\"git\" url=\"https://...\" commit=\"<sha>\">)"

  local dependency dep_id dep_version
  while read -r dependency; do
    dep_id=$(sed -n 's/.* id="\([^"]*\)".*/\1/p' <<<"$dependency")
    dep_version=$(sed -n 's/.* version="\([^"]*\)".*/\1/p' <<<"$dependency")
    case "$dep_id" in
      Negotiations | Negotiations.*)
        [ "$dep_version" = "$version" ] || fail "$id" "depends on $dep_id $dep_version, not on this release ($version)" ;;
      Marten | MediatR | FluentAssertions) ;;
      Microsoft.Extensions.*.Abstractions | Microsoft.Extensions.Options)
        [[ "$dep_version" =~ ^10\.0\.[0-9]+$ ]] || fail "$id" "depends on $dep_id $dep_version; libraries take Microsoft.Extensions.* 10.0.x" ;;
      *)
        fail "$id" "depends on $dep_id $dep_version; libraries depend only on abstractions (hosts bring implementations)" ;;
    esac
  done < <(grep -o '<dependency [^>]*>' <<<"$nuspec")
}

for id in "${compiled[@]}" "${source_only[@]}"; do
  package="$folder/$id.$version.nupkg"
  if [ ! -f "$package" ]; then
    fail "$id" "no $id.$version.nupkg in $folder"
    continue
  fi
  check_metadata "$id" "$package"
done

for id in "${compiled[@]}"; do
  package="$folder/$id.$version.nupkg"
  symbols="$folder/$id.$version.snupkg"
  [ -f "$package" ] || continue
  entries=$(unzip -Z1 "$package")
  grep -qx "lib/net10.0/$id.dll" <<<"$entries" || fail "$id" "no lib/net10.0/$id.dll"
  grep -qx "lib/net10.0/$id.xml" <<<"$entries" || fail "$id" "no XML docs (lib/net10.0/$id.xml)"
  if [ -f "$symbols" ]; then
    grep -qx "lib/net10.0/$id.pdb" <<<"$(unzip -Z1 "$symbols")" || fail "$id" "symbols package has no lib/net10.0/$id.pdb"
  else
    fail "$id" "no symbols package ($id.$version.snupkg)"
  fi
done

for id in "${source_only[@]}"; do
  package="$folder/$id.$version.nupkg"
  [ -f "$package" ] || continue
  entries=$(unzip -Z1 "$package")
  grep -Eq '^contentFiles/cs/any/.+\.cs$' <<<"$entries" || fail "$id" "no C# sources under contentFiles/cs/any/"
  grep -q 'buildAction="Compile"' <<<"$(unzip -p "$package" "$id.nuspec")" || fail "$id" "contentFiles are not marked buildAction=\"Compile\""
  ! grep -q '^lib/' <<<"$entries" || fail "$id" "has a lib/ folder, but it is a source-only package"
  [ ! -f "$folder/$id.$version.snupkg" ] || fail "$id" "has a symbols package, but it is a source-only package"
done

if [ "$problems" -gt 0 ]; then
  echo "check-packages: $problems problem(s) in the packages in $folder" >&2
  exit 1
fi
echo "check-packages: ${#compiled[@]} compiled and ${#source_only[@]} source-only packages at $version are complete"
