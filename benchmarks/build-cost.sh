#!/usr/bin/env bash
# Build cost: how much longer the compiler's Csc task takes with InitAnalyzers than without it, in a real `dotnet build`
# (compiler server, concurrent analysis, the SDK's own analyzers beside it), over the two generated code bases of
# `analyzer-cost`. Builds alternate with and without the analyzer; medians are printed with each run.
#
#   benchmarks/build-cost.sh [RUNS]        (default 4 runs of each; about 3 minutes per run on 2 cores)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-4}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

dotnet build -c Release "$root/src/InitAnalyzers" -v:q -nologo >/dev/null
analyzer="$root/src/InitAnalyzers/bin/Release/netstandard2.0/InitAnalyzers.dll"
dotnet run -c Release --project "$root/benchmarks/InitAnalyzers.Benchmarks" -- analyzer-cost --write "$work"

for name in non-neural neural; do
  packages=""
  if [ "$name" = neural ]; then
    # NumSharp's own analyzers are left out: they take several times the whole compilation and would drown the comparison.
    packages='<PackageReference Include="MathNet.Numerics" Version="5.0.0" /><PackageReference Include="NumSharp" Version="0.70.0" ExcludeAssets="analyzers" />'
  fi
  cat > "$work/$name/$name.csproj" <<EOF
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>disable</Nullable>
    <ImplicitUsings>disable</ImplicitUsings>
    <NoWarn>\$(NoWarn);CS0168;CS0219;CS0414;CS0169;CS0649</NoWarn>
    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
  </PropertyGroup>
  <ItemGroup>$packages</ItemGroup>
  <ItemGroup Condition="'\$(WithInit)' == 'true'">
    <Analyzer Include="$analyzer" />
  </ItemGroup>
</Project>
EOF
  dotnet restore "$work/$name" -v:q -nologo >/dev/null
  dotnet build -c Release --no-restore "$work/$name" -p:WithInit=true -v:q -nologo >/dev/null # warm the compiler server
done

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

for name in non-neural neural; do
  : > "$work/with.txt"; : > "$work/without.txt"; : > "$work/init.txt"
  for i in $(seq "$runs"); do
    for with in false true; do
      log="$work/build.log"
      dotnet build -c Release --no-incremental --no-restore "$work/$name" -p:WithInit=$with -p:ReportAnalyzer=true -v:d -clp:PerformanceSummary -nologo > "$log" 2>&1
      csc=$(grep -E '^\s+[0-9]+ ms  Csc ' "$log" | awk '{ print $1 }')
      if [ "$with" = true ]; then
        init=$(grep -m1 'InitAnalyzers, Version' "$log" | awk '{ print $1 }')
        echo "$csc" >> "$work/with.txt"; echo "$init" >> "$work/init.txt"
        echo "$name run $i: Csc $csc ms with InitAnalyzers (its analyzer time ${init} s, $(grep -c 'warning INIT' "$log") INIT warnings)"
      else
        echo "$csc" >> "$work/without.txt"
        echo "$name run $i: Csc $csc ms without"
      fi
    done
  done
  with=$(median < "$work/with.txt"); without=$(median < "$work/without.txt"); init=$(median < "$work/init.txt")
  echo "$name: median Csc $without ms without, $with ms with InitAnalyzers: $(awk -v a="$with" -v b="$without" 'BEGIN { printf "%+.1f%%", 100 * (a - b) / b }'); InitAnalyzers' own analyzer time $init s"
done
