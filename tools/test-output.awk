# Filters `dotnet test --logger "console;verbosity=normal"` output for build.sh (build.cmd has the same in
# tools/test-output.ps1): each skipped test once, with its reason (xUnit's "[SKIP]" line and the reason under
# it; the logger's second "Skipped NAME" line is dropped), and with skips=0 (the culture re-runs) not at all;
# no line per passed test, no adapter banners; failures and each assembly's totals as dotnet prints them.
/^\[xUnit\.net [^]]*\] +(xUnit\.net VSTest Adapter|Discovering:|Discovered:|Starting:|Finished:)/ { next }
/^  Passed [^ ]/ { inpass = 1; next }
inpass && (/^  Standard (Output|Error) Messages:$/ || /^   / || /^$/) { next }
{ inpass = 0 }
/^  Skipped [^ ]/ { next }
/^\[xUnit\.net [^]]*\]     .* \[SKIP\]$/ { inskip = 1; if (skips) print; next }
inskip && /^\[xUnit\.net [^]]*\]       / { if (skips) print; next }
{ inskip = 0; print; fflush() }
