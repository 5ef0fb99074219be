# Runs GENERATOR with the documented seed and fails unless its output equals EXPECTED byte for byte.
execute_process(COMMAND ${GENERATOR} 2026 100 OUTPUT_FILE ${OUT} RESULT_VARIABLE code)
if(NOT code EQUAL 0)
  message(FATAL_ERROR "${GENERATOR} failed with ${code}")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files ${OUT} ${EXPECTED} RESULT_VARIABLE differ)
if(differ)
  message(FATAL_ERROR "${EXPECTED} differs from what ${GENERATOR} writes now; regenerate it (npm run data) and say why in data/README.md")
endif()
