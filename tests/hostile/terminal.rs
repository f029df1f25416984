//! Through a real pseudo-terminal: the raw bytes townhall sends are recorded (to look for
//! injected sequences) and fed to a terminal emulator (to see the screen and the modes the
//! terminal is left in). The child runs under the same memory limit as the CLI cases; every
//! wait polls against a deadline.

use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

use crate::support::{
    BIN, DEADLINE, Home, MEMORY, fixture, limit_memory, registry, wait_within_deadline,
};

struct Terminal {
    master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    raw: Arc<Mutex<Vec<u8>>>,
    screen: Arc<Mutex<vt100::Parser>>,
}

impl Terminal {
    fn start(home: &Home, args: &[&str]) -> Terminal {
        let size = PtySize {
            rows: 30,
            cols: 110,
            pixel_width: 0,
            pixel_height: 0,
        };
        let pair = native_pty_system().openpty(size).unwrap();
        // The shell sets the limit and execs townhall, which keeps its process id.
        let mut cmd = CommandBuilder::new("sh");
        cmd.args([
            "-c",
            &format!("ulimit -v {} && exec \"$0\" \"$@\"", MEMORY / 1024),
            BIN,
        ]);
        cmd.args(["--tz", "UTC"]);
        cmd.args(args);
        cmd.env("TOWNHALL_CONFIG_DIR", home.config());
        cmd.env("TOWNHALL_DATA_DIR", home.data());
        cmd.env("TOWNHALL_CACHE_DIR", home.cache());
        // Data centuries old would start a sync of the catalog's real hosts, whose failure
        // would then take the status line a test reads.
        cmd.env("TOWNHALL_OFFLINE", "1");
        cmd.env("TERM", "xterm-256color");
        cmd.env("BROWSER", "true");
        let child = pair.slave.spawn_command(cmd).unwrap();
        drop(pair.slave);
        let raw = Arc::new(Mutex::new(Vec::new()));
        let screen = Arc::new(Mutex::new(vt100::Parser::new(
            std::num::NonZeroU16::new(30).unwrap(),
            std::num::NonZeroU16::new(110).unwrap(),
            0,
        )));
        let mut reader = pair.master.try_clone_reader().unwrap();
        let (raw_sink, screen_sink) = (Arc::clone(&raw), Arc::clone(&screen));
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                raw_sink.lock().unwrap().extend_from_slice(&buf[..n]);
                screen_sink.lock().unwrap().process(&buf[..n]);
            }
        });
        let writer = pair.master.take_writer().unwrap();
        Terminal {
            master: pair.master,
            writer,
            child,
            raw,
            screen,
        }
    }

    fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    fn text(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    fn raw(&self) -> Vec<u8> {
        self.raw.lock().unwrap().clone()
    }

    fn until(&self, what: &str, mut done: impl FnMut(&Terminal) -> bool) {
        let start = Instant::now();
        while !done(self) {
            assert!(
                start.elapsed() < DEADLINE,
                "waited for {what}; screen:\n{}",
                self.text()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn wait_for(&self, needle: &str) {
        self.until(needle, |t| t.text().contains(needle));
    }

    fn signal(&self, signal: libc::c_int) {
        let pid = self.child.process_id().unwrap() as libc::pid_t;
        assert_eq!(unsafe { libc::kill(pid, signal) }, 0);
    }

    fn wait_exit(&mut self) -> portable_pty::ExitStatus {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                // The process has written everything, but the reader thread may not have read
                // it all yet, and leaving the alternate screen and showing the cursor can come
                // in separate reads: wait until no more output arrives.
                self.until("the screen to be restored", |t| !t.modes().alternate);
                let mut seen = (self.raw.lock().unwrap().len(), 0);
                self.until("the output to settle", |t| {
                    let len = t.raw.lock().unwrap().len();
                    seen = if len == seen.0 {
                        (len, seen.1 + 1)
                    } else {
                        (len, 0)
                    };
                    seen.1 >= 5
                });
                return status;
            }
            assert!(
                start.elapsed() < DEADLINE,
                "townhall did not exit; screen:\n{}",
                self.text()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn modes(&self) -> Modes {
        let parser = self.screen.lock().unwrap();
        let screen = parser.screen();
        let fd = self.master.as_raw_fd().unwrap();
        let mut termios: libc::termios = unsafe { std::mem::zeroed() };
        assert_eq!(unsafe { libc::tcgetattr(fd, &mut termios) }, 0);
        Modes {
            alternate: screen.alternate_screen(),
            cursor_hidden: screen.hide_cursor(),
            mouse: screen.mouse_protocol_mode() != vt100::MouseProtocolMode::None,
            echo: termios.c_lflag & libc::ECHO != 0,
            canonical: termios.c_lflag & libc::ICANON != 0,
        }
    }
}

impl Drop for Terminal {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}

#[derive(Debug, PartialEq, Eq)]
struct Modes {
    alternate: bool,
    cursor_hidden: bool,
    mouse: bool,
    echo: bool,
    canonical: bool,
}

const BROWSING: Modes = Modes {
    alternate: true,
    cursor_hidden: true,
    mouse: true,
    echo: false,
    canonical: false,
};
const RESTORED: Modes = Modes {
    alternate: false,
    cursor_hidden: false,
    mouse: false,
    echo: true,
    canonical: true,
};

/// Bytes that must never come from townhall's own drawing, so any of them in the raw stream
/// came from the input: OSC (window titles, clipboard, hyperlinks), BEL, the C1 CSI, bidi.
fn injected(raw: &[u8]) -> Option<&'static str> {
    let text = String::from_utf8_lossy(raw);
    [
        ("OSC", "\u{1b}]"),
        ("BEL", "\u{7}"),
        ("C1 CSI", "\u{9b}"),
        ("bidi override", "\u{202e}"),
        ("isolate", "\u{2066}"),
    ]
    .into_iter()
    .find(|(_, s)| text.contains(s))
    .map(|(name, _)| name)
}

#[test]
fn a_hostile_registry_and_config_send_no_sequence_to_the_terminal() {
    let home = Home::new();
    home.file(
        "config/config.yaml",
        "working_hours: { start: \"\\e]52;c;eA==\\a\", end: \"18:00\" }\n",
    );
    let mut term = Terminal::start(
        &home,
        &[
            "--no-mouse",
            "--no-builtin",
            "--registry",
            fixture("escapes-sigs.yaml").to_str().unwrap(),
        ],
    );
    term.wait_for("Evil]0;retitled");
    term.wait_for("\\u{1b}]52;c;eA==\\u{7}");
    // The warnings are in their own view, escaped like everything else. The view wraps
    // long lines at spaces and the fixture's path varies in length, so the needle is the
    // escaped key alone, which has no space to wrap at.
    term.send("!");
    term.wait_for("`\\u{1b}]52;c;cHduZWQ=\\u{7}`");
    term.send("!");
    term.send("/evil\u{1b}]0;typed\u{7}");
    term.wait_for("/evil");
    term.send("\r");
    term.send("q");
    assert!(term.wait_exit().success());
    let raw = term.raw();
    assert_eq!(injected(&raw), None, "{}", String::from_utf8_lossy(&raw));
}

#[test]
fn every_way_out_restores_the_terminal_and_saves_the_state() {
    for (how, signal) in [
        ("q", None),
        ("SIGTERM", Some(libc::SIGTERM)),
        ("SIGHUP", Some(libc::SIGHUP)),
        ("SIGINT", Some(libc::SIGINT)),
    ] {
        let home = Home::new();
        let mut term = Terminal::start(&home, &["--now", "2026-11-21T00:00:00Z"]);
        term.wait_for("groups");
        term.until("raw mode and the alternate screen", |t| {
            t.modes() == BROWSING
        });
        term.send("f");
        term.wait_for("★");
        match signal {
            None => term.send("q"),
            Some(signal) => term.signal(signal),
        }
        assert!(term.wait_exit().success(), "{how}");
        assert_eq!(term.modes(), RESTORED, "{how}");
        let state = home.saved_state();
        assert_eq!(
            state["favorites"].as_array().map(Vec::len),
            Some(1),
            "{how}: {state}"
        );
    }
}

#[test]
fn upcoming_at_the_ends_of_time_says_so_instead_of_panicking() {
    for (now, says) in [
        (
            "9999-12-25T00:00:00Z",
            "the last moment townhall can compute",
        ),
        ("-009999-01-02T02:00:00Z", "Upcoming"),
    ] {
        let home = Home::new();
        let now = format!("--now={now}");
        let mut term = Terminal::start(&home, &["--no-mouse", &now]);
        term.wait_for("groups");
        term.send("u");
        term.wait_for(says);
        term.send("q");
        assert!(term.wait_exit().success(), "{now}: {}", term.text());
        assert!(!term.text().contains("panicked"));
    }
}

#[test]
fn unreadable_state_and_config_files_do_not_block_and_leftovers_go() {
    let home = Home::new();
    std::fs::create_dir_all(home.data()).unwrap();
    std::os::unix::fs::symlink("/dev/zero", home.data().join("state.json")).unwrap();
    let leftover = home.file("data/.state.json.tmp-2147483647-1-0", "{\"favorites\": [");
    let mut term = Terminal::start(&home, &["--no-mouse"]);
    term.wait_for("a device");
    term.send("q");
    assert!(term.wait_exit().success());
    assert!(
        !leftover.exists(),
        "a dead process's temporary file is removed"
    );
    let names: Vec<String> = std::fs::read_dir(home.data())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        names.iter().any(|n| n.starts_with("state.json.corrupt-")),
        "{names:?}"
    );

    let home = Home::new();
    std::fs::create_dir_all(home.config()).unwrap();
    let c = std::ffi::CString::new(home.config().join("config.yaml").to_str().unwrap()).unwrap();
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
    let mut term = Terminal::start(&home, &["--no-mouse"]);
    term.wait_for("a FIFO");
    term.send("q");
    assert!(term.wait_exit().success());
}

#[test]
fn a_huge_group_is_laid_out_a_screen_at_a_time() {
    let home = Home::new();
    let goals: String = (0..1500)
        .map(|i| format!("      - Goal {i} {}\n", "word ".repeat(2000)))
        .collect();
    let file = home.file(
        "huge.yaml",
        registry(&format!(
            "  - id: h-huge\n    name: Huge\n    mission: {}\n    goals:\n{goals}",
            "long ".repeat(13_000)
        )),
    );
    let mut term = Terminal::start(
        &home,
        &[
            "--no-mouse",
            "--no-builtin",
            "--registry",
            file.to_str().unwrap(),
        ],
    );
    term.wait_for("Huge");
    term.wait_for("500+ more");
    term.send("q");
    assert!(term.wait_exit().success());
}

/// A terminal that closes under the browser (a window shut, a connection dropped) ends it as
/// `q` would: it exits, saves its state and leaves no process spinning on the dead terminal.
/// The pseudo-terminal is made by hand so the test holds the only descriptor of its master end
/// and closing it is a real hang-up.
#[test]
fn a_terminal_that_closes_ends_the_browser_and_the_state_is_saved() {
    use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
    use std::os::unix::process::CommandExt;
    use std::process::{Command, Stdio};

    let home = Home::new();
    let (mut master, mut slave) = (0, 0);
    // SAFETY: openpty writes two descriptors; the null pointers ask for no name or settings.
    let made = unsafe {
        libc::openpty(
            &mut master,
            &mut slave,
            std::ptr::null_mut(),
            std::ptr::null(),
            std::ptr::null(),
        )
    };
    assert_eq!(made, 0);
    // Neither end may leak into a child: townhall holding the master end would keep its own
    // terminal open.
    for fd in [master, slave] {
        // SAFETY: fcntl on a descriptor just opened.
        assert_eq!(
            unsafe { libc::fcntl(fd, libc::F_SETFD, libc::FD_CLOEXEC) },
            0
        );
    }
    // SAFETY: both were just opened and belong to nothing else.
    let (master, slave) = unsafe { (OwnedFd::from_raw_fd(master), OwnedFd::from_raw_fd(slave)) };
    let size = libc::winsize {
        ws_row: 30,
        ws_col: 110,
        ws_xpixel: 0,
        ws_ypixel: 0,
    };
    // SAFETY: a valid descriptor and a winsize that outlives the call.
    assert_eq!(
        unsafe { libc::ioctl(master.as_raw_fd(), libc::TIOCSWINSZ, &size) },
        0
    );
    let mut cmd = Command::new(BIN);
    cmd.args(["--tz", "UTC", "--now", "2026-11-21T00:00:00Z", "--no-mouse"])
        .env("TOWNHALL_CONFIG_DIR", home.config())
        .env("TOWNHALL_DATA_DIR", home.data())
        .env("TOWNHALL_CACHE_DIR", home.cache())
        .env("TOWNHALL_OFFLINE", "1")
        .env("TERM", "xterm-256color")
        .stdin(Stdio::from(slave.try_clone().unwrap()))
        .stdout(Stdio::from(slave.try_clone().unwrap()))
        .stderr(Stdio::from(slave));
    // SAFETY: only async-signal-safe calls between fork and exec: a session of its own whose
    // controlling terminal is the slave end (standard input by now).
    unsafe {
        cmd.pre_exec(|| {
            if libc::setsid() < 0 || libc::ioctl(0, libc::TIOCSCTTY, 0) < 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    limit_memory(&mut cmd);
    let mut child = cmd.spawn().unwrap();
    drop(cmd);
    let mut master = std::fs::File::from(master);
    let mut seen = Vec::new();
    // The first frame, then the favourite it was asked for.
    read_until(&mut master, &mut seen, "groups");
    master.write_all(b"f").unwrap();
    read_until(&mut master, &mut seen, "★");
    drop(master);
    let status = wait_within_deadline(
        &mut child,
        "townhall kept running after its terminal closed",
    );
    assert!(status.success(), "{status}");
    let state = home.saved_state();
    assert_eq!(
        state["favorites"].as_array().map(Vec::len),
        Some(1),
        "{state}"
    );
    assert!(state["last_selected"].is_string(), "{state}");
}

/// Reads the terminal's output into `seen` until it holds `needle`, failing at the deadline
/// (each read waits for output with `poll`, so a silent child can't block the test).
fn read_until(master: &mut std::fs::File, seen: &mut Vec<u8>, needle: &str) {
    use std::os::fd::AsRawFd;
    let start = Instant::now();
    let mut buf = [0u8; 8192];
    while !String::from_utf8_lossy(seen).contains(needle) {
        assert!(start.elapsed() < DEADLINE, "{needle:?} never came");
        let mut ready = libc::pollfd {
            fd: master.as_raw_fd(),
            events: libc::POLLIN,
            revents: 0,
        };
        // SAFETY: one valid pollfd, and the count says one.
        if unsafe { libc::poll(&mut ready, 1, 20) } > 0 {
            let n = master.read(&mut buf).unwrap();
            seen.extend_from_slice(&buf[..n]);
        }
    }
}
