# Runs GENERATOR with ARGS (a space-separated string) and fails unless its output equals EXPECTED
# byte for byte; REGENERATE says how to write EXPECTED again.
separate_arguments(args UNIX_COMMAND "${ARGS}")
execute_process(COMMAND ${GENERATOR} ${args} OUTPUT_FILE ${OUT} RESULT_VARIABLE code)
if(NOT code EQUAL 0)
  message(FATAL_ERROR "${GENERATOR} ${ARGS} failed with ${code}")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files ${OUT} ${EXPECTED} RESULT_VARIABLE differ)
if(differ)
  message(FATAL_ERROR "${EXPECTED} differs from what ${GENERATOR} ${ARGS} writes now; regenerate it: ${REGENERATE}")
endif()
