//! Families 3 and 4: time at the ends of its range, and inputs built to exhaust memory or
//! time. Each must end (under the suite's memory limit and deadline) with a message that
//! names the limit it hit.

use std::ffi::OsString;

use crate::support::{Home, fixture, registry};

#[test]
fn the_ends_of_time_are_errors_not_panics() {
    let home = Home::new();
    let run = home.run(["--now", "9999-12-25T00:00:00Z", "upcoming"]);
    run.assert_inert();
    assert_eq!(run.code(), Some(2));
    assert!(run.err().contains("7 day(s) after 9999-12-25T00:00:00Z is past 9999-12-30T22:00:00Z, the last moment townhall can compute"), "{}", run.err());

    let run = home.run(["upcoming", "--days", "4294967295"]);
    run.assert_inert();
    assert_eq!(run.code(), Some(2));
    assert!(
        run.err().contains("4294967295 is not in 0..=366"),
        "{}",
        run.err()
    );

    for args in [
        &["--now=-009999-01-02T02:00:00Z", "upcoming"][..],
        &["--now=-009999-01-02T02:00:00Z", "upcoming", "--json"],
        &["--now", "9999-12-30T21:00:00Z", "upcoming", "--days", "0"],
        &[
            "--now",
            "9999-12-30T22:00:00Z",
            "ics",
            "kubernetes-wg-node-lifecycle",
        ],
        &[
            "--now=-009999-01-02T02:00:00Z",
            "ics",
            "kubernetes-wg-node-lifecycle",
        ],
        &[
            "--now",
            "9999-12-30T22:00:00Z",
            "show",
            "cncf-wg-serverless",
        ],
        &["--now", "2026-03-10T12:00:00Z", "upcoming", "--days", "366"],
    ] {
        let run = home.run(args);
        run.assert_inert_but_crlf(args.contains(&"ics"));
        assert_eq!(run.code(), Some(0), "{args:?}: {}", run.err());
    }
}

#[test]
fn aliases_of_aliases_stop_at_the_alias_limit() {
    let home = Home::new();
    let run = home.run([
        OsString::from("validate"),
        fixture("billion-laughs.yaml").into(),
    ]);
    run.assert_inert();
    assert_eq!(run.code(), Some(1));
    assert!(
        run.out()
            .contains("aliases here copy more than 100000 values in all (townhall's limit"),
        "{}",
        run.out()
    );
}

#[test]
fn files_that_are_not_files_are_refused_at_once() {
    let home = Home::new();
    let fifo = home.path("pipe.yaml");
    make_fifo(&fifo);
    let link = home.path("zero.yaml");
    std::os::unix::fs::symlink("/dev/zero", &link).unwrap();
    let folder = home.path("registry");
    std::fs::create_dir_all(&folder).unwrap();
    make_fifo(&folder.join("in-folder.yaml"));
    for (path, what) in [
        (&fifo, "a FIFO (named pipe)"),
        (&link, "a device"),
        (&"/dev/zero".into(), "a device"),
        (&folder, "a FIFO (named pipe)"),
    ] {
        let run = home.run([OsString::from("--registry"), path.into(), "list".into()]);
        run.assert_inert();
        assert_eq!(run.code(), Some(2));
        assert!(
            run.err().contains(&format!(
                "not a regular file but {what}; townhall reads only files"
            )),
            "{}",
            run.err()
        );
    }
}

fn make_fifo(path: &std::path::Path) {
    let c = std::ffi::CString::new(path.to_str().unwrap()).unwrap();
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
}

#[test]
fn a_file_past_the_size_limit_is_refused_unread() {
    let home = Home::new();
    let path = home.path("huge.yaml");
    // Sparse: the file claims 65 MiB without taking the disk.
    std::fs::File::create(&path)
        .unwrap()
        .set_len(65 << 20)
        .unwrap();
    let run = home.run([OsString::from("validate"), path.into()]);
    run.assert_inert();
    assert!(
        run.out()
            .contains("larger than townhall's limit of 64 MiB for this file"),
        "{}",
        run.out()
    );
}

#[test]
fn depth_length_count_and_group_limits_name_themselves() {
    let home = Home::new();
    let many_groups: String = (0..200_001)
        .map(|i| format!("  - {{id: h-{i}, name: G}}\n"))
        .collect();
    let cases = [
        (
            "deep-flow.yaml",
            format!("community: {}{}", "[".repeat(10_000), "]".repeat(10_000)),
            "lists and mappings nest too deep here (townhall's limit is 64 levels)",
        ),
        (
            "deep-block.yaml",
            (0..200)
                .map(|i| format!("{}- \n", "  ".repeat(i)))
                .collect(),
            "lists and mappings nest too deep here (townhall's limit is 64 levels)",
        ),
        (
            "long.yaml",
            registry(&format!(
                "  - id: h-long\n    name: L\n    mission: {}\n",
                "x".repeat(10 << 20)
            )),
            "a value of 10485760 bytes; townhall's limit is 64 KiB",
        ),
        (
            "values.yaml",
            format!("community: [{}]\n", "a,".repeat(4_000_001)),
            "more than 4000000 values (townhall's limit)",
        ),
        (
            "groups.yaml",
            registry(&many_groups),
            "more than 200000 groups loaded in all (townhall's limit)",
        ),
    ];
    for (name, text, limit) in cases {
        let file = home.file(name, text);
        let run = home.run([
            OsString::from("validate"),
            "--no-builtin".into(),
            file.into(),
        ]);
        run.assert_inert();
        assert_eq!(run.code(), Some(1), "{name}");
        assert!(run.out().contains(limit), "{name}: {}", run.out());
    }
}

#[test]
fn a_huge_query_is_refused_quickly_and_a_long_one_still_works() {
    let home = Home::new();
    // 100 KB of 33,000 terms (one argument may be at most 128 KiB).
    let huge = "ab ".repeat(33_000);
    let run = home.run(["search", &huge]);
    run.assert_inert();
    assert_eq!(run.code(), Some(2));
    assert!(
        run.err()
            .contains("the query has 99000 characters; townhall searches with at most 1000"),
        "{}",
        run.err()
    );
    let terms = "a ".repeat(65);
    let run = home.run(["search", &terms]);
    assert!(
        run.err()
            .contains("the query has 65 terms; townhall searches with at most 64"),
        "{}",
        run.err()
    );
    let run = home.run(["search", &"cloud ".repeat(64)]);
    assert_eq!(run.code(), Some(0), "{}", run.err());
}

#[test]
fn the_readme_names_every_limit_as_the_code_has_it() {
    use townhall::untrusted::limits::*;
    use townhall::untrusted::read::bytes;
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let thousands = |n: usize| {
        let digits = n.to_string();
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push(',');
            }
            out.push(c);
        }
        out
    };
    for row in [
        format!("| a registry file | {} |", bytes(MAX_FILE_BYTES)),
        format!(
            "| `state.json` / `config.yaml` | {} / {} |",
            bytes(MAX_STATE_BYTES),
            bytes(MAX_CONFIG_BYTES)
        ),
        format!(
            "| YAML values in one file | {} |",
            thousands(MAX_YAML_VALUES)
        ),
        format!(
            "| values copied by aliases in one file | {} |",
            thousands(MAX_ALIAS_VALUES)
        ),
        format!("| nesting of lists and mappings | {MAX_DEPTH} levels |"),
        format!("| one value | {} |", bytes(MAX_VALUE_BYTES as u64)),
        format!("| groups loaded in all | {} |", thousands(MAX_GROUPS)),
        format!(
            "| registry files in a folder | {} |",
            thousands(MAX_FOLDER_FILES)
        ),
        format!(
            "| a search query | {} characters, {MAX_QUERY_TERMS} terms |",
            thousands(MAX_QUERY_CHARS)
        ),
        format!("| `upcoming --days` | {MAX_DAYS} |"),
    ] {
        assert!(readme.contains(&row), "README lacks {row}");
    }
}
