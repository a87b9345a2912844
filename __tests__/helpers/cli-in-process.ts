/**
 * The command line's entry point (src/cli/main.ts `main`) in the jest
 * process, as helpers/cli.ts runs the bundle: in a directory of the test's
 * choosing, with a bare environment (PATH and what the test adds), stdout
 * and stderr captured. For the commands whose logic is what is tested
 * (schedule, list, remove, check); a real process is helpers/cli.ts's.
 */
import { main } from '../../src/cli/main.js'
import { tmpDir, type CliOptions, type CliRun } from './cli.js'

/** Run `qualytics-export <args>` in-process; resolves when it returns. */
export async function runCliInProcess(
  args: string[],
  options: Omit<CliOptions, 'onStdout'> = {}
): Promise<CliRun> {
  const saved = {
    env: process.env,
    cwd: process.cwd(),
    stdout: process.stdout.write.bind(process.stdout),
    stderr: process.stderr.write.bind(process.stderr)
  }
  let stdout = ''
  let stderr = ''
  process.env = { PATH: saved.env.PATH ?? '', ...options.env }
  process.chdir(options.cwd ?? tmpDir())
  process.stdout.write = (chunk: string | Uint8Array): boolean => {
    stdout += chunk.toString()
    return true
  }
  process.stderr.write = (chunk: string | Uint8Array): boolean => {
    stderr += chunk.toString()
    return true
  }
  let code: number
  try {
    code = await main(args)
  } catch (error) {
    // Uncaught, it would end the process with Node's exit code 1.
    stderr += String(error instanceof Error ? error.stack : error)
    code = 1
  } finally {
    process.env = saved.env
    process.chdir(saved.cwd)
    process.stdout.write = saved.stdout
    process.stderr.write = saved.stderr
  }
  return { code, stdout, stderr }
}
