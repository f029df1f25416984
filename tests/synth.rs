//! The synthetic registry the benchmarks use must stay a valid registry: if the format
//! tightens, this test says so before a benchmark quietly measures the error path.
//!
//! The example's source is compiled into this test rather than run as a program, so the test
//! needs no built example binary and no nested `cargo` (which would fight `cargo test` for
//! the build lock and ignore `--locked`).

#[path = "../examples/synth.rs"]
#[allow(dead_code)] // the example's `main` and argument parsing are not used here
mod synth;

use townhall::model::Problem;
use townhall::registry::validate::check;

/// Everything but the link-health warning that the synthetic links are placeholders, which
/// they are on purpose (RFC 2606 `example.org` hosts, so no benchmark link is ever real).
fn unexpected(problems: &[Problem]) -> Vec<String> {
    problems
        .iter()
        .filter(|p| p.is_error() || !p.message.ends_with("is a placeholder, not a real link"))
        .map(ToString::to_string)
        .collect()
}

#[test]
fn fifty_groups_validate_without_problems() {
    let text = synth::registry(50, 1);
    let checked = check("synth.yaml", &text);
    let problems = unexpected(&checked.problems);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    let file = checked.file.expect("the file reads");
    assert_eq!(file.community.id, "synth");
    assert_eq!(file.groups.len(), 50);
    assert_eq!(file.groups[49].id, "synth-50");
}

#[test]
fn the_default_seed_validates_too() {
    let text = synth::registry(50, synth::DEFAULT_SEED);
    let checked = check("synth.yaml", &text);
    let problems = unexpected(&checked.problems);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert_eq!(checked.file.map(|f| f.groups.len()), Some(50));
}

#[test]
fn output_is_deterministic_and_a_smaller_run_is_a_prefix() {
    let big = synth::registry(40, 7);
    assert_eq!(big, synth::registry(40, 7));
    let small = synth::registry(10, 7);
    let groups = |text: &str| text.split_once("groups:\n").map(|(_, g)| g.to_string());
    let (small, big) = (groups(&small).unwrap(), groups(&big).unwrap());
    assert!(big.starts_with(&small));
    assert_ne!(synth::registry(10, 8), synth::registry(10, 7));
}

#[test]
fn zero_groups_is_still_a_valid_file() {
    let checked = check("synth.yaml", &synth::registry(0, 1));
    let problems = unexpected(&checked.problems);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert_eq!(checked.file.map(|f| f.groups.len()), Some(0));
}

/// A large synthetic registry warns once per group (its links are placeholders); `list`
/// over it says so in one line instead of thousands, and prints every group.
#[test]
fn list_over_a_large_synthetic_file_prints_one_summary_line() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("synth.yaml");
    std::fs::write(&file, synth::registry(1000, synth::DEFAULT_SEED)).unwrap();
    let out = assert_cmd::Command::cargo_bin("townhall")
        .unwrap()
        .env("TOWNHALL_CONFIG_DIR", dir.path())
        .env("TOWNHALL_DATA_DIR", dir.path())
        // Loading snapshots go to a folder of the tests' own, never the user's cache.
        .env(
            "TOWNHALL_CACHE_DIR",
            std::env::temp_dir().join("townhall-tests-cache"),
        )
        .arg("--no-builtin")
        .arg("--registry")
        .arg(&file)
        .arg("list")
        .assert()
        .success()
        .get_output()
        .clone();
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains(" warnings in "), "{err}");
    assert!(err.ends_with("; `townhall validate` lists them\n"), "{err}");
    let listed = String::from_utf8(out.stdout).unwrap();
    assert_eq!(listed.lines().count(), 1000);
}
