//! Shell completion scripts load in their shells and complete from the registry, and the
//! manual page renders with every command. A shell that isn't installed is skipped with the
//! reason printed (CI installs bash, zsh, fish and man-db, so there nothing is skipped).

use std::io::Write;
use std::process::{Command, Output, Stdio};

use clap::CommandFactory;

fn townhall_path() -> std::path::PathBuf {
    assert_cmd::cargo::cargo_bin("townhall")
}

/// An empty config and state folder, so the tester's own registry never leaks in.
fn empty_dir() -> std::path::PathBuf {
    std::env::temp_dir().join("townhall-tests-empty-config")
}

fn script(shell: &str) -> String {
    let out = Command::new(townhall_path())
        .args(["completions", shell])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    String::from_utf8(out.stdout).unwrap()
}

/// Runs `shell -c code` with townhall's folders pointed away from the tester's, or None with
/// a printed reason when the shell isn't installed.
fn run_shell(shell: &str, args: &[&str]) -> Option<Output> {
    let out = Command::new(shell)
        .args(args)
        .env("TOWNHALL_CONFIG_DIR", empty_dir())
        .env("TOWNHALL_DATA_DIR", empty_dir())
        // Loading snapshots go to a folder of the tests' own, never the user's cache.
        .env(
            "TOWNHALL_CACHE_DIR",
            std::env::temp_dir().join("townhall-tests-cache"),
        )
        .env_remove("TOWNHALL_COMPLETE")
        .stdin(Stdio::null())
        .output();
    match out {
        Ok(out) => Some(out),
        Err(e) => {
            townhall::errln!("skipped: `{shell}` is not installed here ({e})");
            None
        }
    }
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn bash_script_parses_and_completes_group_ids_from_the_registry_on_the_line() {
    let file = std::env::temp_dir().join(format!("townhall-bash-{}.sh", std::process::id()));
    std::fs::write(&file, script("bash")).unwrap();
    let path = file.to_str().unwrap();
    let Some(syntax) = run_shell("bash", &["-n", path]) else {
        return;
    };
    assert!(syntax.status.success(), "{}", text(&syntax.stderr));
    // What bash does on Tab: fill COMP_WORDS and call the registered function.
    let code = format!(
        "source {path}
         complete -p townhall
         COMP_WORDS=(townhall --no-builtin --registry tests/foreign/kubevirt-sigs.yaml show kubevirt-s)
         COMP_CWORD=5
         _clap_complete_townhall townhall kubevirt-s show
         printf '%s\\n' \"${{COMPREPLY[@]}}\""
    );
    let out = run_shell("bash", &["-c", &code]).unwrap();
    let _ = std::fs::remove_file(&file);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let lines: Vec<String> = text(&out.stdout).lines().map(str::to_string).collect();
    assert!(lines[0].ends_with(" townhall"), "{lines:?}");
    assert_eq!(lines[1..], ["kubevirt-sig-compute"], "{lines:?}");
}

#[test]
fn zsh_script_loads_and_registers_its_completer() {
    let code = format!(
        "autoload -U compinit && compinit -u -D && source <({} completions zsh) && print -r -- $_comps[townhall]",
        townhall_path().display()
    );
    let Some(out) = run_shell("zsh", &["-c", &code]) else {
        return;
    };
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stderr), "");
    assert_eq!(text(&out.stdout).trim(), "_clap_dynamic_completer_townhall");
}

#[test]
fn fish_script_loads_and_completes_ids_communities_formats_and_link_kinds() {
    let complete = |line: &str| {
        let code = format!(
            "{} completions fish | source; complete -C'{line}'",
            townhall_path().display()
        );
        run_shell("fish", &["-c", &code]).map(|out| {
            assert!(out.status.success(), "{}", text(&out.stderr));
            assert_eq!(text(&out.stderr), "");
            text(&out.stdout)
        })
    };
    let Some(ids) = complete("townhall show cf-app-runtime-i") else {
        return;
    };
    assert_eq!(
        ids.trim(),
        "cf-app-runtime-interfaces\tApp Runtime Interfaces"
    );
    let ics = complete("townhall ics cncf-wg-serverless cncf-wg-s").unwrap();
    assert!(ics.starts_with("cncf-wg-serverless\t"), "{ics}");
    let communities = complete("townhall --community k").unwrap();
    assert!(communities.starts_with("kubernetes\t"), "{communities}");
    let formats = complete("townhall --format cncf").unwrap();
    assert!(formats.starts_with("cncf-tags\t"), "{formats}");
    let kinds = complete("townhall open cncf-wg-serverless c").unwrap();
    let words: Vec<&str> = kinds.lines().filter_map(|l| l.split('\t').next()).collect();
    assert_eq!(words, ["chat", "charter"], "{kinds}");
    let commands = complete("townhall co").unwrap();
    assert!(commands.starts_with("completions\t"), "{commands}");
}

#[test]
fn every_shell_gets_a_script_and_an_unknown_one_is_a_usage_error() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let text = script(shell);
        assert!(text.contains("TOWNHALL_COMPLETE"), "{shell}: {text}");
    }
    let out = Command::new(townhall_path())
        .args(["completions", "tcsh"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("invalid value 'tcsh'"));
}

#[test]
fn man_page_renders_with_every_command() {
    let page = Command::new(townhall_path()).arg("man").output().unwrap();
    assert!(page.status.success());
    assert!(text(&page.stdout).contains("\n.TH townhall 1"));
    let man = Command::new("man")
        .args(["-l", "-"])
        .env("MANPAGER", "cat")
        .env_remove("MAN_KEEP_FORMATTING")
        .env("MANWIDTH", "100")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn();
    let mut man = match man {
        Ok(man) => man,
        Err(e) => {
            townhall::errln!("skipped: `man` is not installed here ({e})");
            return;
        }
    };
    man.stdin.take().unwrap().write_all(&page.stdout).unwrap();
    let out = man.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stderr), "", "groff warnings");
    let rendered = text(&out.stdout);
    for heading in [
        "NAME",
        "SYNOPSIS",
        "OPTIONS",
        "COMMANDS",
        "EXIT STATUS",
        "ENVIRONMENT",
        "FILES",
    ] {
        assert!(
            rendered.lines().any(|l| l == heading),
            "no {heading}:\n{rendered}"
        );
    }
    let cli = townhall::cli::Cli::command();
    let names: Vec<&str> = cli
        .get_subcommands()
        .filter(|s| !s.is_hide_set())
        .map(|s| s.get_name())
        .collect();
    assert!(names.len() >= 12, "{names:?}");
    // Justified lines may hold two spaces between words.
    let words = rendered.split_whitespace().collect::<Vec<_>>().join(" ");
    for name in names {
        assert!(
            words.contains(&format!("townhall {name}")),
            "`townhall {name}` missing:\n{rendered}"
        );
    }
}
