// Third-party notices for the bundle, from what webpack really bundled.
//
// ncc's own `license` option (license-webpack-plugin inside ncc) leaves out
// packages whose modules webpack concatenates, such as the ES modules of
// @actions/core, so its licenses.txt missed packages the bundle contains.
// Here the list comes from the compilation's own module list (ncc's
// `stats`), and each notice from the package's own package.json and
// LICENSE file, so nothing is typed by hand.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, sep } from 'node:path'

const LICENSE_FILE = /^(licen[cs]e|copying)(\.(md|txt))?$/i

/** Every file path webpack built into the compilation, nested modules too. */
function resources(modules) {
  const paths = []
  for (const module of modules ?? []) {
    if (typeof module.resource === 'string') paths.push(module.resource)
    // A concatenated module holds the modules it was made of.
    if (module.modules) paths.push(...resources(module.modules))
    if (module.rootModule) paths.push(...resources([module.rootModule]))
  }
  return paths
}

/**
 * The root folders of the node_modules packages a compilation holds,
 * sorted. `stats` is what ncc returns as `stats`.
 */
export function bundledPackageRoots(stats) {
  const roots = new Set()
  const marker = `${sep}node_modules${sep}`
  for (const path of resources(stats.compilation.modules)) {
    const at = path.lastIndexOf(marker)
    if (at < 0) continue
    const rest = path.slice(at + marker.length).split(sep)
    const name = rest[0]?.startsWith('@') ? rest.slice(0, 2) : rest.slice(0, 1)
    roots.add(path.slice(0, at + marker.length) + name.join(sep))
  }
  return [...roots].sort()
}

/** One package's notice: name@version, its license, its license text. */
function notice(root) {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
  const file = readdirSync(root).find(f => LICENSE_FILE.test(f))
  if (!file || !existsSync(join(root, file)))
    throw new Error(`${pkg.name}: no LICENSE file to copy into licenses.txt`)
  const license =
    typeof pkg.license === 'string' ? pkg.license : (pkg.license?.type ?? '')
  if (!license) throw new Error(`${pkg.name}: package.json names no license`)
  const text = readFileSync(join(root, file), 'utf8').trim()
  return `${pkg.name}@${pkg.version}\n${license}\n${text}\n`
}

/** licenses.txt for a bundle made of these package roots. */
export function licensesText(roots) {
  const notices = roots.map(notice)
  const names = new Set()
  // The same package twice (two versions) keeps both notices, in order.
  return notices.filter(n => !names.has(n) && names.add(n)).join('\n')
}
