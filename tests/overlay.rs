//! The README's "fix a stale Zoom link" example, copied as written into a registry folder,
//! changes that meeting's join link and nothing else.

use assert_cmd::Command;

const GROUP: &str = "cf-app-runtime-interfaces";

/// The YAML block that follows the README's sentence about fixing a stale Zoom link.
fn readme_example() -> String {
    let readme = std::fs::read_to_string("README.md").unwrap();
    let from = readme
        .find("to fix a stale Zoom link")
        .expect("the README explains fixing a stale Zoom link");
    let rest = &readme[from..];
    let start = rest.find("```yaml\n").expect("followed by a YAML block") + "```yaml\n".len();
    let end = rest[start..].find("```").unwrap();
    rest[start..start + end].to_string()
}

fn townhall(config: &std::path::Path) -> Command {
    let mut cmd = Command::cargo_bin("townhall").unwrap();
    cmd.env("TOWNHALL_CONFIG_DIR", config)
        .env("TOWNHALL_DATA_DIR", config)
        // Loading snapshots go to a folder of the tests' own, never the user's cache.
        .env(
            "TOWNHALL_CACHE_DIR",
            std::env::temp_dir().join("townhall-tests-cache"),
        )
        .env_remove("COLUMNS")
        .args(["--now", "2026-03-10T12:00:00Z", "--tz", "UTC"]);
    cmd
}

fn run(cmd: &mut Command) -> String {
    String::from_utf8(cmd.assert().success().get_output().stdout.clone()).unwrap()
}

fn show_json(config: &std::path::Path) -> serde_json::Value {
    serde_json::from_str(&run(townhall(config).args(["show", GROUP, "--json"]))).unwrap()
}

/// Every leaf of a JSON value by its path (`meetings[0].join`), so two values compare field
/// by field.
fn leaves(value: &serde_json::Value, path: String, out: &mut Vec<(String, serde_json::Value)>) {
    match value {
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                let sub = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                leaves(v, sub, out);
            }
        }
        serde_json::Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                leaves(v, format!("{path}[{i}]"), out);
            }
        }
        leaf => out.push((path, leaf.clone())),
    }
}

#[test]
fn the_readme_fix_changes_one_join_link_and_nothing_else() {
    let before_dir = tempfile::tempdir().unwrap();
    let after_dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(after_dir.path().join("registry")).unwrap();
    let fix = after_dir.path().join("registry/fix.yaml");
    std::fs::write(&fix, readme_example()).unwrap();

    let (mut before, mut after) = (Vec::new(), Vec::new());
    leaves(&show_json(before_dir.path()), String::new(), &mut before);
    leaves(&show_json(after_dir.path()), String::new(), &mut after);
    let before: std::collections::BTreeMap<_, _> = before.into_iter().collect();
    let after: std::collections::BTreeMap<_, _> = after.into_iter().collect();
    let keys: std::collections::BTreeSet<&String> = before.keys().chain(after.keys()).collect();
    let changed: Vec<&String> = keys
        .into_iter()
        .filter(|k| before.get(*k) != after.get(*k))
        .collect();
    let join = changed
        .iter()
        .find(|k| !k.starts_with("origins"))
        .expect("something changed");
    assert!(
        join.starts_with("meetings[") && join.ends_with("].join"),
        "{changed:?}"
    );
    let origin = format!("origins.{join}");
    assert_eq!(
        changed,
        [*join, &origin],
        "only the join link and its origin"
    );
    assert_eq!(after[*join], "https://zoom.example/new-link");
    assert_eq!(after[&origin], fix.display().to_string());
    assert_eq!(
        before[&origin], "built-in data/cloudfoundry.yaml",
        "the link came from the built-in data"
    );

    // The group keeps what the old replacing fix lost: its repositories.
    let owner = run(townhall(after_dir.path()).args(["owner", "cloudfoundry/cli"]));
    assert!(owner.starts_with(GROUP), "{owner}");
    // And `show --sources` says where each part came from.
    let sources = run(townhall(after_dir.path()).args(["show", "--sources", GROUP]));
    let line = sources
        .lines()
        .find(|l| l.trim_start().starts_with(join.as_str()))
        .unwrap_or_else(|| panic!("{sources}"));
    assert!(line.ends_with(&fix.display().to_string()), "{line}");
    assert!(
        sources
            .lines()
            .any(|l| l.trim_start().starts_with("mission")
                && l.ends_with("built-in data/cloudfoundry.yaml")),
        "{sources}"
    );
}
