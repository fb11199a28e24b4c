export const USAGE = `Crosswalk: the integration analyst's workbench, from the command line.

Usage: crosswalk <command> [options]

Commands:
  add-flow <workspace> <source-system>:<entity> <target-system>:<entity> [--accept-above X]
                               Add a data flow with one mapping row per target field, pre-filled with
                               suggestions; --accept-above accepts those scoring at least X (0 to 1).
  add-system <workspace> <name> <api-doc> [--allow-refs]
                               Import an API document (file or URL) into a workspace as a system.
  check <workspace> [--json]   Check every flow's mappings: problems and completeness. Exits 1 when a
                               required target field is unmapped.
  demo <file>                  Write the demo workspace (CRM orders -> accounting invoices) to <file>.
  diff <old-api-doc> <new-api-doc> [--json]
                               Compare two versions of an API document: what changed, breaking first.
  drift <workspace> [--json]   The drift report: per entity, field and kind, what saved samples show that
                               the document does not say (how many samples, first and last seen). Exits 0.
  entities <api-doc> [<entity>] [--json]
                               List a document's schemas with their fields as paths (lines[].amount).
  export <workspace> [--xlsx <file>] [--json <file>] [--md <file>]
                               Write the whole spec: the stakeholder workbook (Excel), the mapping spec
                               as JSON (docs/spec-format.md) and/or one Markdown document.
  import <api-doc> [--json] [--allow-refs]
                               Import an API document (file or http(s) URL): its catalogue and
                               validation. --allow-refs follows references outside its folder/server.
  import-xlsx <workspace> <file> [--apply [--take-workbook]] [--json]
                               Read back a workbook a stakeholder edited: print each edit, conflict
                               (changed in the app too since the export), new question and unreadable
                               cell. --apply applies edits and new questions; conflicts only with
                               --take-workbook as well.
  import-collection <workspace> <system> <collection.json>
                               Import a Postman collection (v2.0/v2.1): its folders and requests become
                               the system's saved requests; its variables (secret ones sealed) and auth
                               an environment named after it.
  export-collection <workspace> <system> <out.json> [--env NAME] [--include-secrets]
                               Write the system's saved requests as a Postman collection v2.1, with the
                               variables and auth of --env; no secret value unless --include-secrets.
  info <file> [--json]         Print what a workspace holds: integration, systems and data flows.
  map <workspace> <flow>       Run a flow on JSON payloads read on standard input (one document, or JSON
                               Lines) and write the target payloads on standard output the same way.
                               Exits 1 when a row's expression failed on a payload (named on stderr).
  memory list [--json] | erase [<id>] | export <file> | import <file>
                               The mapping memory across workspaces (in the settings folder): list the
                               accepted and rejected pairs, erase one (its id) or all, export it to a
                               file a team can share, or merge such a file in (a bad file changes nothing).
  mock <api-doc-or-workspace> [--system NAME] [--port N] [--seed N] [--chaos SPEC]
                               Serve a mock sandbox of an API document (or a workspace's system) on
                               127.0.0.1 until Ctrl+C: requests checked, answers from examples or
                               generated (seeded), light state and paging. The first line printed is
                               its address. --chaos injects faults, a comma list such as
                               latency=200-800ms,error=0.05,reset=0.01,timeout=0.01,ratelimit=100/min;
                               a request's Prefer: code=404 or example=<name> picks its answer.
  preview <workspace> <flow> <payload.json> [--json]
                               Run a flow on a source payload: the target payload and its problems
                               against the target schema, each tied to its mapping row (--json:
                               {"target":{},"problems":[{"row","path","message"}]}). Exits 1 on a problem.
  requests <workspace> [--json]
                               List the saved sandbox requests: system, folder/name, method, address.
  sample <workspace> <system>/<request> --entity NAME [--pages N] [--env NAME] [--var k=v]...
                               Send a saved request as send does and save the response as a sample of
                               the entity (provenance: its history entry); --pages N follows the API's
                               paging for up to N pages, a sample per page. Prints what was saved and
                               the contract findings count.
  secret set <workspace> <system> <name> [--env NAME]
                               Store a secret variable ({{name}}), sealed, reading its value from
                               standard input (never from the arguments).
  send <workspace> <system>/<request> [--env NAME] [--var k=v]... [--json] [--confirm-production]
                               Send a saved request: status, timings, headers and body (secrets
                               redacted). Exits 0 on any HTTP status, 1 on a network or TLS failure.
                               Secrets from the workspace, or CROSSWALK_SECRET_<NAME> where it
                               cannot be opened. Writes to a production environment need
                               --confirm-production.
  serve [<file>] [--port N]    Serve the app to a browser on this machine (127.0.0.1 only); without
                               <file> it opens the demo workspace. The first line printed is its address.
  test <workspace> [--flow NAME] [--json] [--record]
                               Run the test cases that hold payloads: pass or fail with the differences.
                               Exits 1 when one fails. Writes the results (status, last run, summary)
                               into the workspace only with --record.
  suggest <source-api-doc> <source-entity> <target-api-doc> <target-entity> [--json]
                               Suggest which source field fills each target field, with scores and reasons.

Options:
  -h, --help                   Show this help.
  --version                    Print Crosswalk's version.

Exit status: 0 success, 1 the command failed (the reason is on stderr), 2 wrong usage.`;

/** Wrong usage of the command line: exits 2 with a hint to the help. */
export class UsageError extends Error {}
