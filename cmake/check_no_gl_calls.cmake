# Run by the test layers.app_makes_no_gl_calls: the window and the commands (cm_app) reach GL only
# through render/, so that GL's state has one owner. Fails if the library calls a GL function itself
# (through epoxy, whose entry points are all named epoxy_gl...).
# Expects -DNM=... -DLIB=path/to/libcm_app.a
execute_process(COMMAND ${NM} --undefined-only ${LIB} OUTPUT_VARIABLE text RESULT_VARIABLE rc ERROR_QUIET)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "nm failed on ${LIB}")
endif()
string(REGEX MATCHALL "epoxy_gl[A-Za-z0-9_]*" calls "${text}")
list(REMOVE_DUPLICATES calls)
if(calls)
  string(REPLACE ";" ", " calls "${calls}")
  message(FATAL_ERROR "app/ calls GL directly (put the call in render/ instead): ${calls}")
endif()
message(STATUS "app/ makes no GL call of its own")
