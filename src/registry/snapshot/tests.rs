use std::path::Path;

use super::*;

const ONE: &str = "community:
  id: t
  name: Test
groups:
  - id: t-one
    name: One
    kind: sig
    mission: The first group.
    chat:
      - { kind: slack, channel: \"#one\", url: \"https://example.org/one\" }
    meetings:
      - title: Weekly
        published: Tuesdays 17:00 UTC
        schedule: { every: week, on: [tuesday], at: \"17:00\", zone: UTC, minutes: 30 }
        join: https://zoom.us/j/123
";

fn write_registry(dir: &Path, text: &str) -> Sources {
    let file = dir.join("mine.yaml");
    std::fs::write(&file, text).unwrap();
    Sources {
        paths: vec![file],
        ..Sources::default()
    }
}

/// The registry as loading without a cache gives it, to compare with.
fn fresh(sources: &Sources) -> Loaded {
    load::load(sources)
}

fn assert_same(a: &Loaded, b: &Loaded) {
    assert_eq!(a.registry.groups.len(), b.registry.groups.len());
    for (x, y) in a.registry.groups.iter().zip(&b.registry.groups) {
        if x != y {
            let (x, y) = (format!("{x:?}"), format!("{y:?}"));
            let at = x.bytes().zip(y.bytes()).take_while(|(a, b)| a == b).count();
            let from = at.saturating_sub(200);
            panic!(
                "groups differ:\n{}\n---\n{}",
                &x[from..(at + 200).min(x.len())],
                &y[from..(at + 200).min(y.len())]
            );
        }
    }
    assert_eq!(a.registry.communities, b.registry.communities);
    assert_eq!(a.problems, b.problems);
    assert_eq!(a.files, b.files);
}

#[test]
fn a_second_load_reads_the_snapshot_and_gives_the_same_registry_and_warnings() {
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join("cache");
    let mut sources = write_registry(dir.path(), ONE);
    sources.builtin = true;
    let (first, from) = load_from(&sources, Some(&cache));
    assert_eq!(from, From::Files);
    let (second, from) = load_from(&sources, Some(&cache));
    assert_eq!(from, From::Snapshot);
    assert_same(&first, &second);
    assert_same(&second, &fresh(&sources));
    // The warnings (a group with no meeting notes, link health...) come back with it, and the
    // checked schedule too.
    assert!(second.problems.iter().any(|p| !p.is_error()));
    let group = second.registry.group("t-one").unwrap();
    assert_eq!(group.community, "t");
    assert!(group.meetings[0].when.rule().is_some());
}

#[test]
fn a_changed_file_is_read_again() {
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join("cache");
    let sources = write_registry(dir.path(), ONE);
    load_from(&sources, Some(&cache));
    write_registry(dir.path(), &ONE.replace("name: One", "name: Uno"));
    let (loaded, from) = load_from(&sources, Some(&cache));
    assert_eq!(from, From::Files);
    assert_eq!(loaded.registry.groups[0].name, "Uno");
    // ...and the new snapshot replaces the stale one.
    let (again, from) = load_from(&sources, Some(&cache));
    assert_eq!(from, From::Snapshot);
    assert_eq!(again.registry.groups[0].name, "Uno");
    assert_eq!(std::fs::read_dir(&cache).unwrap().count(), 1);
}

fn the_snapshot(cache: &Path) -> std::path::PathBuf {
    let mut files: Vec<_> = std::fs::read_dir(cache)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    files.pop().unwrap()
}

#[test]
fn a_corrupt_or_truncated_snapshot_is_rebuilt_never_used() {
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join("cache");
    let sources = write_registry(dir.path(), ONE);
    let (expected, _) = load_from(&sources, Some(&cache));
    let path = the_snapshot(&cache);
    let good = std::fs::read(&path).unwrap();
    // A flipped byte in the body: the checksum tells.
    let mut bad = good.clone();
    let at = bad.len() - 20;
    bad[at] ^= 0x20;
    std::fs::write(&path, &bad).unwrap();
    let (loaded, from) = load_from(&sources, Some(&cache));
    assert_eq!(from, From::Files);
    assert_same(&loaded, &expected);
    assert_eq!(std::fs::read(&path).unwrap(), good, "rewritten whole");
    // Cut short, empty, or another program's file.
    for bytes in [
        &good[..good.len() / 2],
        &[][..],
        b"not a snapshot at all, just text",
    ] {
        std::fs::write(&path, bytes).unwrap();
        let (loaded, from) = load_from(&sources, Some(&cache));
        assert_eq!(from, From::Files);
        assert_same(&loaded, &expected);
    }
}

#[test]
fn a_snapshot_of_other_inputs_is_not_used_even_if_whole() {
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join("cache");
    let sources = write_registry(dir.path(), ONE);
    load_from(&sources, Some(&cache));
    let path = the_snapshot(&cache);
    let old = std::fs::read(&path).unwrap();
    write_registry(dir.path(), &ONE.replace("name: One", "name: Uno"));
    load_from(&sources, Some(&cache));
    // The old snapshot put back under the new one's name: its key says it is stale.
    std::fs::write(&path, &old).unwrap();
    let (loaded, from) = load_from(&sources, Some(&cache));
    assert_eq!(from, From::Files);
    assert_eq!(loaded.registry.groups[0].name, "Uno");
}

#[test]
fn an_unwritable_cache_only_costs_speed() {
    let dir = tempfile::tempdir().unwrap();
    let sources = write_registry(dir.path(), ONE);
    // A cache "folder" under a regular file can never be created, even by root.
    let blocker = dir.path().join("a-file");
    std::fs::write(&blocker, "").unwrap();
    let cache = blocker.join("cache");
    for _ in 0..2 {
        let (loaded, from) = load_from(&sources, Some(&cache));
        assert_eq!(from, From::Files);
        assert_same(&loaded, &fresh(&sources));
    }
}

#[test]
fn a_registry_with_errors_is_not_kept() {
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join("cache");
    let sources = write_registry(dir.path(), &ONE.replace("kind: sig", "kind: nonsense"));
    let (loaded, _) = load_from(&sources, Some(&cache));
    assert!(loaded.has_errors());
    let (again, from) = load_from(&sources, Some(&cache));
    assert_eq!(from, From::Files);
    assert_same(&loaded, &again);
}
