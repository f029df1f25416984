//! The vendored upstream files are the ones their README's table names, unchanged: each file's
//! git blob hash is recomputed and compared, so an edit, a line-ending conversion, a missing
//! file or a file nobody documented fails here rather than quietly changing what the format
//! tests prove.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use sha1::{Digest, Sha1};

fn folder() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/upstream")
}

/// `git hash-object`: SHA-1 over a `blob <len>\0` header and the bytes.
fn blob_hash(bytes: &[u8]) -> String {
    let mut hasher = Sha1::new();
    hasher.update(format!("blob {}\0", bytes.len()).as_bytes());
    hasher.update(bytes);
    hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// File → blob, from the README's table (rows whose first cell is a backquoted path).
fn documented() -> BTreeMap<String, String> {
    let readme = std::fs::read_to_string(folder().join("README.md")).unwrap();
    let mut rows = BTreeMap::new();
    for line in readme.lines().filter(|l| l.starts_with("| `")) {
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        let file = cells[1].trim_matches('`').to_string();
        let blob = cells[5].trim_matches('`').to_string();
        assert_eq!(
            blob.len(),
            40,
            "README row for {file}: blob `{blob}` is not a full hash"
        );
        assert!(
            rows.insert(file.clone(), blob).is_none(),
            "{file} has two rows"
        );
    }
    rows
}

fn files_under(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files_under(&path, out);
        } else {
            out.push(path);
        }
    }
}

#[test]
fn the_blob_hash_is_the_one_git_computes() {
    // `printf 'hello\n' | git hash-object --stdin`
    assert_eq!(
        blob_hash(b"hello\n"),
        "ce013625030ba8dba906f756967f9e9ca394464a"
    );
}

#[test]
fn every_vendored_file_is_documented_and_unchanged() {
    let rows = documented();
    assert!(
        rows.len() >= 3,
        "the README table lists {} files",
        rows.len()
    );
    let mut files = Vec::new();
    files_under(&folder(), &mut files);
    let mut seen = Vec::new();
    for path in files {
        let rel = path
            .strip_prefix(folder())
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        if rel == "README.md" {
            continue;
        }
        let expected = rows
            .get(&rel)
            .unwrap_or_else(|| panic!("{rel} is vendored but has no row in the README"));
        let actual = blob_hash(&std::fs::read(&path).unwrap());
        assert_eq!(&actual, expected, "{rel} differs from the upstream blob");
        seen.push(rel);
    }
    for file in rows.keys() {
        assert!(seen.contains(file), "{file} is in the README but missing");
    }
}

#[test]
fn the_three_registries_match_the_hashes_recorded_when_they_were_first_copied() {
    // The blobs the original fixture table gave (2026-11-21); the bundled data is their import.
    let rows = documented();
    for (file, blob) in [
        (
            "kubernetes-sigs.yaml",
            "eaffb210e5ed9aeb50a44cdc96b0e9e6b62d0228",
        ),
        (
            "opentelemetry-workstreams.yml",
            "c9b5505ffd4234e2a36329ba69fabe4c734f79d7",
        ),
        (
            "cncf-toc-tags.yaml",
            "1127cd269254cd22f53f721f603a50fd4b4d3c93",
        ),
    ] {
        assert_eq!(rows.get(file).map(String::as_str), Some(blob), "{file}");
    }
}
