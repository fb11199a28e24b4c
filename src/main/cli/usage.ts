export const USAGE = `Crosswalk: the integration analyst's workbench, from the command line.

Usage: crosswalk <command> [options]

Commands:
  add-system <workspace> <name> <spec> [--allow-refs]
                               Import an API document (file or URL) into a workspace as a system.
  demo <file>                  Write the demo workspace (CRM orders -> accounting invoices) to <file>.
  diff <old> <new> [--json]    Compare two versions of an API document: what changed, breaking first.
  entities <spec> [<entity>] [--json]
                               List a document's schemas with their fields as paths (lines[].amount).
  import <spec> [--json] [--allow-refs]
                               Import an API document (file or http(s) URL): its catalogue and
                               validation. --allow-refs follows references outside its folder/server.
  info <file> [--json]         Print what a workspace holds: integration, systems and data flows.
  serve [<file>] [--port N]    Serve the app to a browser on this machine (127.0.0.1 only); without
                               <file> it opens the demo workspace. The first line printed is its address.

Options:
  -h, --help                   Show this help.
  --version                    Print Crosswalk's version.

Exit status: 0 success, 1 the command failed (the reason is on stderr), 2 wrong usage.`;

/** Wrong usage of the command line: exits 2 with a hint to the help. */
export class UsageError extends Error {}
