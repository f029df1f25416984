//! ARCHITECTURE.md is the living map of the code: it names every top-level module, and every
//! path it names exists, so a move that forgets the map fails here.

use std::path::{Path, PathBuf};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn doc() -> String {
    std::fs::read_to_string(root().join("ARCHITECTURE.md")).unwrap()
}

/// Every `backquoted` token of the document.
fn quoted(text: &str) -> Vec<&str> {
    text.split('`').skip(1).step_by(2).collect()
}

/// A token that names a file or folder of the repository rather than a command or a value.
fn is_path(token: &str) -> bool {
    !token.contains(' ')
        && (token.ends_with(".rs") || token.ends_with(".md") || token.ends_with('/'))
        && !token.starts_with("foo")
}

fn all_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.push(path.clone());
            all_files(&path, out);
        } else {
            out.push(path);
        }
    }
}

#[test]
fn every_path_it_names_exists() {
    let text = doc();
    let mut files = Vec::new();
    for top in ["src", "tests", "benches", "examples", "data"] {
        all_files(&root().join(top), &mut files);
    }
    let rel: Vec<String> = files
        .iter()
        .map(|p| {
            p.strip_prefix(root())
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/")
        })
        .collect();
    let mut missing = Vec::new();
    for token in quoted(&text).into_iter().filter(|t| is_path(t)) {
        let name = token.trim_end_matches('/');
        let rooted = ["src/", "tests/", "benches/", "examples/", "data/"]
            .iter()
            .any(|top| token.starts_with(top));
        let found = if rooted || root().join(name).exists() {
            root().join(name).exists()
        } else {
            // A name relative to the folder the text is describing: it must exist somewhere.
            rel.iter()
                .any(|r| r == name || r.ends_with(&format!("/{name}")))
        };
        if !found {
            missing.push(token.to_string());
        }
    }
    assert!(
        missing.is_empty(),
        "ARCHITECTURE.md names paths that don't exist: {missing:?}"
    );
}

#[test]
fn it_names_every_top_level_module() {
    let text = doc();
    let mut unnamed = Vec::new();
    for entry in std::fs::read_dir(root().join("src")).unwrap() {
        let path = entry.unwrap().path();
        let file = path.file_name().unwrap().to_string_lossy().to_string();
        let Some(module) = file.strip_suffix(".rs") else {
            continue;
        };
        if module == "main" || module == "lib" {
            continue;
        }
        if !text.contains(&format!("`src/{module}.rs`")) {
            unnamed.push(module.to_string());
        }
        if path.with_extension("").is_dir() && !text.contains(&format!("`src/{module}/`")) {
            unnamed.push(format!("{module}/"));
        }
    }
    assert!(
        unnamed.is_empty(),
        "ARCHITECTURE.md doesn't name src/{unnamed:?}"
    );
}
