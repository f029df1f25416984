//! A terminal that goes away: a closed window, a killed multiplexer, a dropped SSH connection.
//!
//! At the end of its input crossterm's reader reads nothing again and again without returning,
//! so a browser whose terminal had closed kept a core busy forever and never saved its state
//! (SIGHUP arrives, but the loop that would see it never runs again). The driver therefore
//! asks the kernel itself whether the terminal has hung up before it lets crossterm read, and
//! waits for input with `poll(2)` on the same terminal rather than inside crossterm.

use std::fs::File;
use std::os::fd::{AsRawFd, RawFd};
use std::time::Duration;

/// The terminal crossterm reads keys from: standard input when it is a terminal, else
/// `/dev/tty`, as crossterm chooses.
pub struct TerminalInput {
    fd: RawFd,
    /// Keeps `/dev/tty` open when it is the one watched.
    _tty: Option<File>,
}

impl TerminalInput {
    /// None when there is no terminal to watch; the driver then waits inside crossterm.
    pub fn open() -> Option<TerminalInput> {
        // SAFETY: isatty only inspects the descriptor.
        if unsafe { libc::isatty(libc::STDIN_FILENO) } == 1 {
            return Some(TerminalInput {
                fd: libc::STDIN_FILENO,
                _tty: None,
            });
        }
        let tty = File::open("/dev/tty").ok()?;
        Some(TerminalInput {
            fd: tty.as_raw_fd(),
            _tty: Some(tty),
        })
    }

    /// Whether the terminal's other end has closed.
    pub fn hung_up(&self) -> bool {
        self.poll(Duration::ZERO)
            .is_some_and(|revents| revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0)
    }

    /// Sleeps until input arrives, the terminal hangs up or `timeout` passes, whichever is
    /// first (a signal may end it sooner); the caller looks again at what woke it.
    pub fn wait(&self, timeout: Duration) {
        let _ = self.poll(timeout);
    }

    /// The events `poll(2)` reports for the terminal, or None when nothing happened in time
    /// or the call failed.
    fn poll(&self, timeout: Duration) -> Option<libc::c_short> {
        let mut watched = libc::pollfd {
            fd: self.fd,
            events: libc::POLLIN,
            revents: 0,
        };
        let millis = libc::c_int::try_from(timeout.as_millis()).unwrap_or(libc::c_int::MAX);
        // SAFETY: one valid pollfd, and the count says one.
        let ready = unsafe { libc::poll(&mut watched, 1, millis) };
        (ready > 0).then_some(watched.revents)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A pseudo-terminal pair: the watched end, and the other end whose closing hangs it up.
    fn pty() -> (File, File) {
        let (mut master, mut slave) = (0, 0);
        // SAFETY: openpty writes two descriptors; the null pointers ask for no name, settings
        // or size.
        let made = unsafe {
            libc::openpty(
                &mut master,
                &mut slave,
                std::ptr::null_mut(),
                std::ptr::null(),
                std::ptr::null(),
            )
        };
        assert_eq!(made, 0, "openpty: {}", std::io::Error::last_os_error());
        use std::os::fd::FromRawFd;
        // SAFETY: both descriptors were just opened and belong to nothing else.
        unsafe { (File::from_raw_fd(master), File::from_raw_fd(slave)) }
    }

    #[test]
    fn a_terminal_whose_other_end_closes_has_hung_up() {
        let (master, slave) = pty();
        let input = TerminalInput {
            fd: slave.as_raw_fd(),
            _tty: None,
        };
        assert!(!input.hung_up());
        input.wait(Duration::from_millis(1));
        drop(master);
        assert!(input.hung_up());
        // Waiting on a hung-up terminal returns at once rather than sleeping out the time.
        let start = std::time::Instant::now();
        input.wait(Duration::from_secs(30));
        assert!(start.elapsed() < Duration::from_secs(30));
    }
}
