# Writes LIST: the shared libraries PROGRAM needs, by soname, one a line, deepest first (the reverse of
# the order the dynamic linker loads them in), for the launcher to load before the program.
#   cmake -DPROGRAM=libcouncilmap.so -DLIST=libcouncilmap.deps -P list_program_libraries.cmake
# Without ldd, or if it fails, or with -DENABLED=OFF, the list is empty: the launcher then simply loads
# the program.
set(names "")
set(rc 1)
if(NOT DEFINED ENABLED OR ENABLED)
  execute_process(COMMAND ldd ${PROGRAM} OUTPUT_VARIABLE out RESULT_VARIABLE rc ERROR_QUIET)
endif()
if(rc EQUAL 0)
  string(REPLACE "\n" ";" lines "${out}")
  foreach(line IN LISTS lines)
    # "	libgdal.so.32 => /lib/x86_64-linux-gnu/libgdal.so.32 (0x...)"; not the vdso, not ld.so itself.
    if(line MATCHES "^[ \t]*([^ \t]+) => /")
      list(PREPEND names "${CMAKE_MATCH_1}")
    endif()
  endforeach()
endif()
list(JOIN names "\n" text)
file(WRITE "${LIST}.tmp" "${text}\n")
file(RENAME "${LIST}.tmp" "${LIST}")
