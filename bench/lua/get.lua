-- Plain GET of the URL given to wrk.
dofile((os.getenv("BENCH_LUA_DIR") or ".") .. "/report.lua")
