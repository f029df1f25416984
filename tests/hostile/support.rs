//! Running the built binary as an attacker would feed it: in a folder of its own, with its
//! memory bounded (an address-space limit set in the child before it starts) and a deadline
//! polled rather than slept, and checking that what it printed is inert.

use std::ffi::OsStr;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

/// What a child may use: a bounded case must finish inside both.
pub const MEMORY: u64 = 1 << 30;
/// Generous for a debug build on a shared machine; it stops a hang or a quadratic blow-up,
/// it does not measure speed.
pub const DEADLINE: Duration = Duration::from_secs(60);

pub const BIN: &str = env!("CARGO_BIN_EXE_townhall");

pub struct Run {
    pub status: ExitStatus,
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
}

impl Run {
    pub fn code(&self) -> Option<i32> {
        self.status.code()
    }

    pub fn out(&self) -> String {
        String::from_utf8_lossy(&self.stdout).into_owned()
    }

    pub fn err(&self) -> String {
        String::from_utf8_lossy(&self.stderr).into_owned()
    }

    /// Neither stream carries anything a terminal would act on, and nothing panicked.
    pub fn assert_inert(&self) -> &Self {
        self.assert_inert_but_crlf(false)
    }

    /// The same for a format whose lines end in `\r\n` (iCalendar): only whole pairs pass.
    pub fn assert_inert_but_crlf(&self, crlf: bool) -> &Self {
        let stdout = if crlf {
            String::from_utf8_lossy(&self.stdout)
                .replace("\r\n", "\n")
                .into_bytes()
        } else {
            self.stdout.clone()
        };
        assert_inert(&stdout, "stdout");
        assert_inert(&self.stderr, "stderr");
        assert!(!self.err().contains("panicked"), "{}", self.err());
        self
    }
}

/// A scratch home for one case: config and state folders, and room for hostile files.
pub struct Home {
    pub dir: tempfile::TempDir,
}

impl Home {
    pub fn new() -> Home {
        Home {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    /// A home whose folder name starts with `prefix` (paths are outside input too).
    pub fn named(prefix: &str) -> Home {
        Home {
            dir: tempfile::Builder::new().prefix(prefix).tempdir().unwrap(),
        }
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Writes `bytes` to `name` and returns its path.
    pub fn file(&self, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let path = self.path(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).unwrap();
        }
        std::fs::write(&path, bytes).unwrap();
        path
    }

    pub fn data(&self) -> PathBuf {
        self.path("data")
    }

    pub fn config(&self) -> PathBuf {
        self.path("config")
    }

    /// Loading snapshots go here, never to the user's own cache.
    pub fn cache(&self) -> PathBuf {
        self.path("cache")
    }

    /// Runs townhall with `args` under the memory limit and the deadline.
    pub fn run<I, S>(&self, args: I) -> Run
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        let mut cmd = Command::new(BIN);
        cmd.args(args)
            .env("TOWNHALL_CONFIG_DIR", self.config())
            .env("TOWNHALL_DATA_DIR", self.data())
            .env("TOWNHALL_CACHE_DIR", self.cache())
            .env_remove("COLUMNS")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        limit_memory(&mut cmd);
        let mut child = cmd.spawn().unwrap();
        let out = drain(child.stdout.take().unwrap());
        let err = drain(child.stderr.take().unwrap());
        let status = wait_within_deadline(&mut child, "townhall did not finish");
        Run {
            status,
            stdout: out.join().unwrap(),
            stderr: err.join().unwrap(),
        }
    }

    /// The state file the browser saved on its way out.
    pub fn saved_state(&self) -> serde_json::Value {
        let state = std::fs::read_to_string(self.data().join("state.json")).unwrap();
        serde_json::from_str(&state).unwrap()
    }
}

/// The child's exit, polled; killed and failed with `failure` past the deadline.
pub fn wait_within_deadline(child: &mut std::process::Child, failure: &str) -> ExitStatus {
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return status;
        }
        if start.elapsed() > DEADLINE {
            let _ = child.kill();
            panic!("{failure} within {DEADLINE:?}");
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

fn drain(mut from: impl Read + Send + 'static) -> std::thread::JoinHandle<Vec<u8>> {
    std::thread::spawn(move || {
        let mut bytes = Vec::new();
        let _ = from.read_to_end(&mut bytes);
        bytes
    })
}

#[cfg(unix)]
pub fn limit_memory(cmd: &mut Command) {
    use std::os::unix::process::CommandExt;
    // SAFETY: only async-signal-safe setrlimit runs between fork and exec.
    unsafe {
        cmd.pre_exec(|| {
            let limit = libc::rlimit {
                rlim_cur: MEMORY as libc::rlim_t,
                rlim_max: MEMORY as libc::rlim_t,
            };
            if libc::setrlimit(libc::RLIMIT_AS, &limit) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
}

#[cfg(not(unix))]
pub fn limit_memory(_cmd: &mut Command) {}

/// Fails naming the first character of `bytes` that a terminal would act on or hide: a
/// control character other than newline and tab, or an invisible one.
pub fn assert_inert(bytes: &[u8], what: &str) {
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => panic!("{what} is not UTF-8 at byte {}", e.valid_up_to()),
    };
    if let Some((at, c)) = text.char_indices().find(|&(_, c)| {
        (c.is_control() && c != '\n' && c != '\t') || townhall::untrusted::is_invisible(c)
    }) {
        let from = text[..at]
            .char_indices()
            .rev()
            .nth(40)
            .map_or(0, |(i, _)| i);
        panic!(
            "{what} carries {c:?} at byte {at}: {:?}",
            &text[from..(at + 40).min(text.len())]
        );
    }
}

/// A registry file of one community with `groups` as written (YAML list items).
pub fn registry(groups: &str) -> String {
    format!("community:\n  id: hostile\n  name: Hostile\ngroups:\n{groups}")
}

/// Joins a fixture file of tests/hostile/files.
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/hostile/files")
        .join(name)
}
