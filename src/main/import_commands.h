// `budgetspor import plan-sheet|realised|agenda-text|kle ...` (issue 13): the importers
// for batch use, with progress on stderr and a summary (or the JSON of docs/import.md).
#pragma once

namespace bs {

// argv[1] is "import". Returns the process's exit code: 0 done (a dry run that found
// problems included: they are in the output), 1 refused or failed, 2 wrong arguments.
int ImportCommand(int argc, char** argv);

}  // namespace bs
