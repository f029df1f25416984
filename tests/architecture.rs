//! The import rules of ARCHITECTURE.md, checked on the source itself: no cycle between the
//! modules or files of `src/`, `model` at the bottom importing nothing of townhall, terminal
//! types only under `src/tui`, and schedules checked only while loading.
//!
//! Imports are read from the text: every `crate::` and `super::` path (in `use` lines and in
//! code) is resolved to the deepest module file it names. Paths written relative to a module's
//! own children (`group::read` inside `kubernetes.rs`) are not followed; they point down the
//! tree, and the rules are about what points up or across it.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// A source file: its module path (`["formats", "kubernetes", "group"]`) and its code.
struct File {
    path: String,
    module: Vec<String>,
    code: String,
}

fn sources() -> Vec<File> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut paths = Vec::new();
    collect(&root, &mut paths);
    paths.sort();
    paths
        .into_iter()
        .filter_map(|p| {
            let rel = p.strip_prefix(&root).unwrap();
            let text = rel
                .to_str()
                .unwrap()
                .trim_end_matches(".rs")
                .replace('\\', "/");
            if text == "lib" || text == "main" {
                return None;
            }
            let module = text.split('/').map(str::to_string).collect();
            let code = without_comments(&fs::read_to_string(&p).unwrap());
            Some(File {
                path: format!("src/{}", rel.display()),
                module,
                code,
            })
        })
        .collect()
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Line comments and doc comments name modules in prose; they are not imports.
fn without_comments(text: &str) -> String {
    text.lines()
        .map(|line| match line.find("//") {
            Some(i) if !line[..i].contains('"') => &line[..i],
            _ => line,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The code without its `#[cfg(test)]` items, and nothing of a file that is all tests:
/// tests may build fixtures from any layer.
fn non_test(file: &File) -> String {
    let name = file.module.last().unwrap();
    let test_file = file.module.iter().any(|m| m == "tests")
        || name == "testing"
        || name.ends_with("_tests")
        || name == "snapshots";
    if test_file {
        return String::new();
    }
    let mut code = file.code.as_str();
    let mut out = String::new();
    while let Some(i) = code.find("#[cfg(test)]") {
        out.push_str(&code[..i]);
        code = &code[i..];
        // The item ends at its `;` (`mod tests;`) or at the brace closing its body.
        let end = match (code.find(';'), code.find('{')) {
            (Some(semi), Some(brace)) if semi < brace => semi + 1,
            (Some(semi), None) => semi + 1,
            (_, Some(brace)) => {
                let mut depth = 0;
                let mut end = code.len();
                for (j, c) in code[brace..].char_indices() {
                    match c {
                        '{' => depth += 1,
                        '}' => {
                            depth -= 1;
                            if depth == 0 {
                                end = brace + j + 1;
                                break;
                            }
                        }
                        _ => {}
                    }
                }
                end
            }
            (None, None) => code.len(),
        };
        code = &code[end..];
    }
    out.push_str(code);
    out
}

fn is_ident(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// Every path after `crate::` or a run of `super::`, as absolute module paths; a `{...}`
/// group is expanded one level (`crate::{model, text::width}`).
fn paths(file: &File) -> Vec<Vec<String>> {
    let code = &non_test(file);
    let mut out = Vec::new();
    let mut i = 0;
    while i < code.len() {
        let rest = &code[i..];
        let preceded = code[..i].chars().next_back().is_some_and(is_ident);
        let base: Option<(Vec<String>, usize)> = if preceded {
            None
        } else if rest.starts_with("crate::") {
            Some((Vec::new(), "crate::".len()))
        } else if rest.starts_with("super::") {
            let mut len = 0;
            let mut up = 0;
            while rest[len..].starts_with("super::") {
                len += "super::".len();
                up += 1;
            }
            let keep = file.module.len().saturating_sub(up);
            Some((file.module[..keep].to_vec(), len))
        } else {
            None
        };
        let Some((base, len)) = base else {
            i += rest.chars().next().map_or(1, char::len_utf8);
            continue;
        };
        let after = &rest[len..];
        if let Some(group) = after.strip_prefix('{') {
            let end = group.find('}').unwrap_or(group.len());
            for item in group[..end].split(',') {
                out.push(joined(&base, item.trim()));
            }
        } else {
            out.push(joined(&base, after));
        }
        i += len;
    }
    out
}

fn joined(base: &[String], text: &str) -> Vec<String> {
    let mut path = base.to_vec();
    let mut rest = text;
    loop {
        let end = rest.find(|c: char| !is_ident(c)).unwrap_or(rest.len());
        if end == 0 {
            break;
        }
        path.push(rest[..end].to_string());
        match rest[end..].strip_prefix("::") {
            Some(more) => rest = more,
            None => break,
        }
    }
    path
}

/// The deepest module file a path names (`crate::formats::published::from_fields` is
/// `formats/published`).
fn resolve(modules: &BTreeSet<Vec<String>>, path: &[String]) -> Option<Vec<String>> {
    (1..=path.len())
        .rev()
        .map(|n| path[..n].to_vec())
        .find(|prefix| modules.contains(prefix))
}

type Graph = BTreeMap<String, BTreeSet<String>>;

fn graphs() -> (Graph, Graph) {
    let files = sources();
    let modules: BTreeSet<Vec<String>> = files.iter().map(|f| f.module.clone()).collect();
    let mut by_file = Graph::new();
    let mut by_module = Graph::new();
    for file in &files {
        let from = file.module.join("::");
        by_file.entry(from.clone()).or_default();
        by_module.entry(file.module[0].clone()).or_default();
        for path in paths(file) {
            let Some(to) = resolve(&modules, &path) else {
                continue;
            };
            // A file naming its own ancestors (`use super::Reader` in a submodule) points
            // up its own tree, which the module tree already is; only other files count.
            if to == file.module || file.module.starts_with(&to) {
                continue;
            }
            by_file
                .entry(from.clone())
                .or_default()
                .insert(to.join("::"));
            if to[0] != file.module[0] {
                by_module
                    .entry(file.module[0].clone())
                    .or_default()
                    .insert(to[0].clone());
            }
        }
    }
    (by_file, by_module)
}

/// Strongly connected groups of more than one node: each is a cycle (Tarjan's algorithm).
fn cycles(graph: &Graph) -> Vec<Vec<String>> {
    struct Walk<'g> {
        graph: &'g Graph,
        index: BTreeMap<&'g str, usize>,
        low: BTreeMap<&'g str, usize>,
        stack: Vec<&'g str>,
        on_stack: BTreeSet<&'g str>,
        found: Vec<Vec<String>>,
    }
    impl<'g> Walk<'g> {
        fn visit(&mut self, node: &'g str) {
            let n = self.index.len();
            self.index.insert(node, n);
            self.low.insert(node, n);
            self.stack.push(node);
            self.on_stack.insert(node);
            for next in self.graph.get(node).into_iter().flatten() {
                let next = next.as_str();
                if !self.index.contains_key(next) {
                    self.visit(next);
                    let low = self.low[node].min(self.low[next]);
                    self.low.insert(node, low);
                } else if self.on_stack.contains(next) {
                    let low = self.low[node].min(self.index[next]);
                    self.low.insert(node, low);
                }
            }
            if self.low[node] == self.index[node] {
                let mut group = Vec::new();
                while let Some(top) = self.stack.pop() {
                    self.on_stack.remove(top);
                    group.push(top.to_string());
                    if top == node {
                        break;
                    }
                }
                if group.len() > 1 {
                    group.sort();
                    self.found.push(group);
                }
            }
        }
    }
    let mut walk = Walk {
        graph,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        found: Vec::new(),
    };
    for node in graph.keys() {
        if !walk.index.contains_key(node.as_str()) {
            walk.visit(node);
        }
    }
    walk.found
}

#[test]
fn no_module_imports_another_that_imports_it_back() {
    let (_, by_module) = graphs();
    assert!(by_module.contains_key("model") && by_module.contains_key("tui"));
    assert_eq!(
        cycles(&by_module),
        Vec::<Vec<String>>::new(),
        "{by_module:#?}"
    );
}

#[test]
fn no_file_imports_another_that_imports_it_back() {
    let (by_file, _) = graphs();
    assert_eq!(cycles(&by_file), Vec::<Vec<String>>::new());
}

#[test]
fn the_cycle_finder_finds_cycles() {
    let graph: Graph = [("a", "b"), ("b", "c"), ("c", "a"), ("c", "d")]
        .into_iter()
        .fold(Graph::new(), |mut g, (from, to)| {
            g.entry(from.into()).or_default().insert(to.into());
            g.entry(to.into()).or_default();
            g
        });
    assert_eq!(cycles(&graph), [["a", "b", "c"]]);
}

#[test]
fn paths_are_read_from_use_lines_groups_and_code() {
    let file = File {
        path: "src/formats/kubernetes/group.rs".into(),
        module: ["formats", "kubernetes", "group"].map(String::from).to_vec(),
        code: "use crate::{model::Group, text};\nuse super::super::Reader;\nlet x = crate::owner::folders(p);\nsupercrate::no".into(),
    };
    let got: Vec<String> = paths(&file).iter().map(|p| p.join("::")).collect();
    assert_eq!(
        got,
        ["model::Group", "text", "formats::Reader", "owner::folders"],
        "{}",
        file.path
    );
}

#[test]
fn model_imports_nothing_of_townhall() {
    let (_, by_module) = graphs();
    assert_eq!(by_module["model"], BTreeSet::new());
}

/// What each layer may import (ARCHITECTURE.md); a module missing here fails the test, so
/// a new module is placed on purpose.
const MAY_IMPORT: &[(&str, &[&str])] = &[
    ("model", &[]),
    ("text", &[]),
    ("state", &["untrusted"]),
    ("untrusted", &["model"]),
    ("yaml", &["model", "untrusted"]),
    ("links", &["model", "untrusted"]),
    ("schedule", &["model"]),
    ("owner", &["model"]),
    ("config", &["schedule", "untrusted", "sources", "sync"]),
    ("search", &["model", "owner", "untrusted"]),
    ("calendar", &["model", "links", "untrusted"]),
    ("agenda", &["model", "schedule", "config", "calendar"]),
    ("projects", &["model", "search", "owner"]),
    ("ics", &["model", "schedule", "links"]),
    (
        "formats",
        &["model", "yaml", "schedule", "links", "untrusted", "owner"],
    ),
    (
        "registry",
        &["model", "yaml", "formats", "schedule", "links", "untrusted"],
    ),
    ("sources", &["model", "formats", "registry"]),
    (
        "sync",
        &["model", "formats", "registry", "sources", "calendar"],
    ),
    ("present", &["model", "schedule", "links", "owner", "text"]),
    (
        "tui",
        &[
            "model",
            "schedule",
            "search",
            "present",
            "links",
            "config",
            "state",
            "ics",
            "agenda",
            "owner",
            "text",
            "registry",
            "projects",
            "sources",
            "sync",
            "untrusted",
            "calendar",
        ],
    ),
    (
        "cli",
        &[
            "model",
            "schedule",
            "search",
            "present",
            "links",
            "config",
            "state",
            "ics",
            "agenda",
            "owner",
            "text",
            "registry",
            "formats",
            "tui",
            "projects",
            "sources",
            "sync",
            "untrusted",
            "calendar",
        ],
    ),
];

#[test]
fn each_module_imports_only_the_layers_below_it() {
    let (_, by_module) = graphs();
    let allowed: BTreeMap<&str, BTreeSet<&str>> = MAY_IMPORT
        .iter()
        .map(|(m, deps)| (*m, deps.iter().copied().collect()))
        .collect();
    for (module, deps) in &by_module {
        let Some(allowed) = allowed.get(module.as_str()) else {
            panic!("{module} is not in MAY_IMPORT (and ARCHITECTURE.md)");
        };
        let extra: Vec<&String> = deps
            .iter()
            .filter(|d| !allowed.contains(d.as_str()))
            .collect();
        assert!(extra.is_empty(), "{module} imports {extra:?}");
    }
}

#[test]
fn terminal_types_stay_in_the_tui() {
    for file in sources() {
        if file.module[0] == "tui" {
            continue;
        }
        for name in ["ratatui", "crossterm"] {
            assert!(!file.code.contains(name), "{} names {name}", file.path);
        }
    }
}

/// Occurrences of `needle` in non-test code, by file.
fn callers(needle: &str) -> BTreeSet<String> {
    sources()
        .iter()
        .filter(|f| non_test(f).contains(needle))
        .map(|f| f.path.clone())
        .collect()
}

#[test]
fn schedules_are_checked_only_while_loading() {
    let set = |paths: &[&str]| paths.iter().map(|p| p.to_string()).collect::<BTreeSet<_>>();
    // Written schedules: once, when a townhall file is validated on load.
    assert_eq!(
        callers("from_spec("),
        set(&["src/registry/validate.rs", "src/schedule/rule.rs"])
    );
    // Schedules read from other formats' published times, checked from their parts.
    assert_eq!(
        callers("from_parts("),
        set(&["src/formats/published.rs", "src/schedule/rule.rs"])
    );
    // The unchecked constructor behind both.
    assert_eq!(
        callers("from_checked("),
        set(&["src/model/rule.rs", "src/schedule/rule.rs"])
    );
}
