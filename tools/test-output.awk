# Filters `dotnet test --logger "console;verbosity=normal"` output for build.sh (build.cmd has the same in
# tools/test-output.ps1): each skipped test once, with its reason (xUnit's "[SKIP]" line and the reason under
# it; the logger's second "Skipped NAME" line is dropped), and with skips=0 (the culture re-runs) not at all;
# no line per passed test, no adapter banners; failures and each assembly's totals as dotnet prints them.
/^\[xUnit\.net [^]]*\] +(xUnit\.net VSTest Adapter|Discovering:|Discovered:|Starting:|Finished:)/ { next }
# A passed or skipped test's line, and what follows it (its output, the rest of a display name with line
# breaks in its data) up to the next line dotnet or xUnit starts.
/^  (Passed|Skipped) [^ ]/ { inpass = 1; next }
inpass && !/^(  Failed |\[xUnit\.net |Test Run |Total tests:|Results File)/ { next }
{ inpass = 0 }
/^\[xUnit\.net [^]]*\]     .* \[SKIP\]$/ { inskip = 1; if (skips) print; next }
inskip && /^\[xUnit\.net [^]]*\]       / { if (skips) print; next }
{ inskip = 0; print; fflush() }
