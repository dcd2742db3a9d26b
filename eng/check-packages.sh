#!/usr/bin/env bash
# Checks the packages `dotnet pack` wrote to a folder, before anything consumes them:
#   eng/check-packages.sh <folder> <version> [<folder of a second pack>]
# The folder must hold exactly the packages listed in `packages` below, at <version>, each with its own README (the
# one beside its project, written for the package's users: it says `dotnet add package <id>`, and names no apt-get,
# no ./test.sh, no relative link), the icon, release notes, the MIT licence expression, a description, authors,
# tags and repository metadata (type git, url, commit). The compiled ones also carry lib/net10.0/<id>.dll with its
# XML docs, and a .snupkg with the PDB, whose Source Link maps the sources to the repository at that commit
# (https://raw.githubusercontent.com/<owner>/<repo>/<commit>/*). Source-only packages (`source_only`) carry
# contentFiles and build/<id>.targets, no lib/, no .snupkg. Libraries depend only on each other, on Marten, MediatR or FluentAssertions for
# their adapters, and on Microsoft.Extensions.* abstractions 10.0.x, plus Microsoft.Extensions.Options and its
# ConfigurationExtensions (options validated at start-up and bound from IConfiguration; both are what every host
# already loads, and the README's dependency table names them).
# With a second folder (the same version packed again from a rebuild), every .nupkg and .snupkg there must be byte
# for byte the one in the first folder: the build is reproducible.
# Every problem is printed, naming the package and what is missing; the exit code is 1 if there was any.
set -uo pipefail

folder="${1:?usage: eng/check-packages.sh <folder> <version> [<folder of a second pack>]}"
version="${2:?usage: eng/check-packages.sh <folder> <version> [<folder of a second pack>]}"
second="${3:-}"
# Every package the solution ships; add a new one here. Those also in source_only ship C# sources, no assembly.
packages=(Negotiations Negotiations.Marten Negotiations.MediatR Negotiations.Scripts Negotiations.Testing)
source_only=(Negotiations.MediatR)
# Those that see the core's internals (InternalsVisibleTo) depend on exactly their own release, [x.y.z].
pinned=(Negotiations.Scripts)
root_readme="$(cd "$(dirname "$0")/.." && pwd)/README.md"
problems=0

fail() {
  echo "check-packages: $1: $2" >&2
  problems=$((problems + 1))
}

# one_of <name> <list...>: whether the name is in the list.
one_of() {
  local name=$1 candidate
  shift
  for candidate in "$@"; do
    [ "$candidate" = "$name" ] && return 0
  done
  return 1
}

is_pinned() { one_of "$1" "${pinned[@]}"; }

is_source_only() { one_of "$1" "${source_only[@]}"; }

if ! command -v unzip >/dev/null 2>&1; then
  echo "check-packages: unzip is needed (apt-get install unzip)" >&2
  exit 1
fi

expected=$(printf '%s\n' "${packages[@]}" | sed "s/\$/.$version.nupkg/" | sort)
found=$(find "$folder" -maxdepth 1 -name '*.nupkg' -printf '%f\n' | sort)
for extra in $(comm -13 <(echo "$expected") <(echo "$found")); do
  fail "$extra" "packed, but only the library packages should be (is a test or sample project packable, or a new package missing from eng/check-packages.sh?)"
done

check_metadata() {
  local id=$1 package=$2 nuspec readme
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
  grep -Eq '<releaseNotes>[^<]' <<<"$nuspec" || fail "$id" "no release notes (<releaseNotes>, from CHANGELOG.md)"
  grep -Eq '<repository type="git" url="https://[^"]+"[^>]* commit="[0-9a-f]{40}"' <<<"$nuspec" \
    || fail "$id" "no repository metadata (<repository type=\"git\" url=\"https://...\" commit=\"<sha>\">)"

  grep -q '<icon>icon.png</icon>' <<<"$nuspec" || fail "$id" "nuspec does not name icon.png as its icon"
  [ "$(unzip -p "$package" icon.png 2>/dev/null | head -c 8 | od -An -tx1 | tr -d ' \n')" = "89504e470d0a1a0a" ] \
    || fail "$id" "no PNG icon.png in the package"

  grep -q '<readme>README.md</readme>' <<<"$nuspec" || fail "$id" "nuspec does not name README.md as its readme"
  readme=$(unzip -p "$package" README.md 2>/dev/null | tr -d '\r')
  if [ -z "$readme" ]; then
    fail "$id" "no README.md in the package"
  else
    grep -qx "dotnet add package $id" <<<"$readme" || fail "$id" "README.md is not the package's own (no 'dotnet add package $id' line)"
    ! cmp -s <(printf '%s\n' "$readme") <(tr -d '\r' <"$root_readme") || fail "$id" "README.md is the repository's README, not the package's"
    ! grep -Eq 'apt-get|\./test\.sh' <<<"$readme" || fail "$id" "README.md speaks of the repository's own set-up (apt-get or ./test.sh)"
    ! grep -Pq '\]\((?!https?://|#)' <<<"$readme" || fail "$id" "README.md has a relative link, which breaks outside the repository: $(grep -Po '\]\((?!https?://|#)[^)]*\)' <<<"$readme" | head -n 1)"
  fi

  local dependency dep_id dep_version
  while read -r dependency; do
    dep_id=$(sed -n 's/.* id="\([^"]*\)".*/\1/p' <<<"$dependency")
    dep_version=$(sed -n 's/.* version="\([^"]*\)".*/\1/p' <<<"$dependency")
    case "$dep_id" in
      Negotiations | Negotiations.*)
        if is_pinned "$id"; then
          [ "$dep_version" = "[$version]" ] || fail "$id" "depends on $dep_id $dep_version, not on exactly this release ([$version]); it uses the core's internals"
        else
          [ "$dep_version" = "$version" ] || fail "$id" "depends on $dep_id $dep_version, not on this release ($version)"
        fi ;;
      Marten | MediatR | FluentAssertions) ;;
      Microsoft.Extensions.*.Abstractions | Microsoft.Extensions.Options | Microsoft.Extensions.Options.ConfigurationExtensions)
        [[ "$dep_version" =~ ^10\.0\.[0-9]+$ ]] || fail "$id" "depends on $dep_id $dep_version; libraries take Microsoft.Extensions.* 10.0.x" ;;
      *)
        fail "$id" "depends on $dep_id $dep_version; libraries depend only on abstractions (hosts bring implementations)" ;;
    esac
  done < <(grep -o '<dependency [^>]*>' <<<"$nuspec")
}

# The Source Link JSON ({"documents":{"<local path>/*":"<url>/*"}}) is stored as UTF-8 text in the portable PDB's
# blob heap, uncompressed, so it is found in the PDB's bytes. Its URL must be the raw content of the repository named
# in the nuspec, at the commit named there.
check_source_link() {
  local id=$1 package=$2 symbols=$3 repository url commit expected json
  repository=$(unzip -p "$package" "$id.nuspec" 2>/dev/null | grep -o '<repository [^>]*>')
  url=$(sed -n 's/.* url="\([^"]*\)".*/\1/p' <<<"$repository")
  commit=$(sed -n 's/.* commit="\([^"]*\)".*/\1/p' <<<"$repository")
  if [[ ! "$url" =~ ^https://github\.com/([^/]+)/([^/]+)$ ]] || [ -z "$commit" ]; then
    fail "$id" "no GitHub repository URL and commit in the nuspec to check Source Link against"
    return
  fi
  expected="https://raw.githubusercontent.com/${BASH_REMATCH[1]}/${BASH_REMATCH[2]%.git}/$commit/*"
  json=$(unzip -p "$symbols" "lib/net10.0/$id.pdb" 2>/dev/null | grep -a -o '{"documents":{[^}]*}}' | head -n 1)
  if [ -z "$json" ]; then
    fail "$id" "the PDB carries no Source Link (no {\"documents\":...} JSON)"
  elif ! grep -qF "\":\"$expected\"" <<<"$json"; then
    fail "$id" "the PDB's Source Link does not map to $expected: $json"
  else
    source_links+=("$id: $json")
  fi
}

source_links=()
for id in "${packages[@]}"; do
  package="$folder/$id.$version.nupkg"
  if [ ! -f "$package" ]; then
    fail "$id" "no $id.$version.nupkg in $folder"
    continue
  fi
  check_metadata "$id" "$package"

  symbols="$folder/$id.$version.snupkg"
  entries=$(unzip -Z1 "$package")
  if is_source_only "$id"; then
    grep -Eq '^contentFiles/cs/any/.+\.cs$' <<<"$entries" || fail "$id" "no C# sources under contentFiles/cs/any/"
    grep -q 'buildAction="Compile"' <<<"$(unzip -p "$package" "$id.nuspec")" || fail "$id" "contentFiles are not marked buildAction=\"Compile\""
    # Its build targets keep a second copy of the sources out of a project whose references already compile them.
    grep -qx "build/$id.targets" <<<"$entries" || fail "$id" "no build/$id.targets (a test project beside its app would compile the sources twice)"
    ! grep -q '^lib/' <<<"$entries" || fail "$id" "has a lib/ folder, but it is a source-only package"
    [ ! -f "$symbols" ] || fail "$id" "has a symbols package, but it is a source-only package"
    continue
  fi

  grep -qx "lib/net10.0/$id.dll" <<<"$entries" || fail "$id" "no lib/net10.0/$id.dll"
  grep -qx "lib/net10.0/$id.xml" <<<"$entries" || fail "$id" "no XML docs (lib/net10.0/$id.xml)"
  if [ ! -f "$symbols" ]; then
    fail "$id" "no symbols package ($id.$version.snupkg)"
  elif ! grep -qx "lib/net10.0/$id.pdb" <<<"$(unzip -Z1 "$symbols")"; then
    fail "$id" "symbols package has no lib/net10.0/$id.pdb"
  else
    check_source_link "$id" "$package" "$symbols"
  fi
done

# Reproducibility: the same bytes from a second pack. Where they differ, say which entries do (contents) or that
# only the zip's own metadata does (entry timestamps: see DeterministicTimestamp in Directory.Build.targets).
compared=0
if [ -n "$second" ]; then
  for first_file in "$folder"/*."$version".nupkg "$folder"/*."$version".snupkg; do
    [ -f "$first_file" ] || continue
    name=$(basename "$first_file")
    other="$second/$name"
    if [ ! -f "$other" ]; then
      fail "$name" "not in the second pack ($second)"
      continue
    fi
    compared=$((compared + 1))
    cmp -s "$first_file" "$other" && continue
    unpacked=$(mktemp -d)
    unzip -q "$first_file" -d "$unpacked/first" && unzip -q "$other" -d "$unpacked/second"
    differing=$(diff -rq "$unpacked/first" "$unpacked/second" | sed "s|$unpacked/||g" | paste -sd ';')
    rm -rf "$unpacked"
    if [ -n "$differing" ]; then
      fail "$name" "not reproducible: its entries differ from the second pack's: $differing"
    else
      fail "$name" "not reproducible: same entries and contents as the second pack, but the zip's metadata differs (entry timestamps?)"
    fi
  done
fi

if [ "$problems" -gt 0 ]; then
  echo "check-packages: $problems problem(s) in the packages in $folder" >&2
  exit 1
fi
for line in "${source_links[@]}"; do
  echo "check-packages: Source Link of $line"
done
compiled=$(( ${#packages[@]} - ${#source_only[@]} ))
echo "check-packages: $compiled compiled and ${#source_only[@]} source-only packages at $version are complete"
if [ -n "$second" ]; then
  echo "check-packages: $compared packages are byte for byte the same in $second (reproducible)"
fi
