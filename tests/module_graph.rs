//! The core's modules under `src/event/` form no cycle: each names its
//! siblings through `super::<module>`, and those references, read from
//! the sources, must make an acyclic graph (a cycle makes a module that
//! cannot be read, tested or moved on its own).

use std::collections::BTreeMap;
use std::path::Path;

#[test]
fn event_modules_form_no_cycle() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/event");
    let mut uses: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        if name == "mod" {
            continue; // the parent: it uses every child, none uses it back
        }
        let text = std::fs::read_to_string(&path).unwrap();
        // Only the module's own code: its unit tests may reach anywhere.
        let code = text.split("#[cfg(test)]").next().unwrap();
        let mut deps: Vec<String> = code
            .match_indices("super::")
            .map(|(at, _)| {
                code[at + 7..]
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect()
            })
            .filter(|dep: &String| !dep.is_empty() && *dep != name)
            .collect();
        deps.extend(code.match_indices("crate::event::").map(|(at, _)| {
            code[at + 14..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect()
        }));
        deps.retain(|dep| *dep != name);
        deps.sort();
        deps.dedup();
        uses.insert(name, deps);
    }
    assert!(uses.len() >= 8, "read the modules: {uses:?}");
    // Depth-first search for a back edge.
    fn visit<'a>(
        m: &'a str,
        uses: &'a BTreeMap<String, Vec<String>>,
        path: &mut Vec<&'a str>,
        done: &mut Vec<&'a str>,
    ) {
        if done.contains(&m) {
            return;
        }
        if let Some(start) = path.iter().position(|p| *p == m) {
            panic!("module cycle: {} -> {m}", path[start..].join(" -> "));
        }
        path.push(m);
        for dep in uses.get(m).into_iter().flatten() {
            if uses.contains_key(dep) {
                visit(dep, uses, path, done);
            }
        }
        path.pop();
        done.push(m);
    }
    let mut done = Vec::new();
    for m in uses.keys() {
        visit(m, &uses, &mut Vec::new(), &mut done);
    }
}
