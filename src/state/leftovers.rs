//! Temporary files of saves that never finished. A save writes `.state.json.tmp-<pid>-...`
//! and renames it; a townhall killed in between (SIGKILL, power loss) leaves the file behind,
//! and without this the folder would collect them for ever.

use std::fs;
use std::path::Path;
use std::time::{Duration, SystemTime};

use super::FILE_NAME;

/// A save takes milliseconds; a temporary file this old is abandoned even if its process id
/// has been reused since.
const ABANDONED_AFTER: Duration = Duration::from_secs(600);

/// Removes the temporary files whose process is gone, or that are old; returns how many.
pub fn remove_stale(dir: &Path) -> usize {
    let prefix = format!(".{FILE_NAME}.tmp-");
    let Ok(entries) = fs::read_dir(dir) else {
        return 0;
    };
    let mut removed = 0;
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(rest) = name.to_str().and_then(|n| n.strip_prefix(&prefix)) else {
            continue;
        };
        let Ok(meta) = entry.path().symlink_metadata() else {
            continue;
        };
        let pid = rest.split('-').next().and_then(|p| p.parse::<u32>().ok());
        let old = meta
            .modified()
            .ok()
            .and_then(|m| SystemTime::now().duration_since(m).ok())
            .is_some_and(|age| age > ABANDONED_AFTER);
        let own = pid == Some(std::process::id());
        if meta.is_file()
            && !own
            && (old || !pid.is_some_and(is_running))
            && fs::remove_file(entry.path()).is_ok()
        {
            removed += 1;
        }
    }
    removed
}

#[cfg(unix)]
fn is_running(pid: u32) -> bool {
    let Ok(pid) = libc::pid_t::try_from(pid) else {
        return false;
    };
    // Signal 0 checks that the process exists without touching it; EPERM means it exists
    // but belongs to someone else.
    let result = unsafe { libc::kill(pid, 0) };
    result == 0 || std::io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
}

/// Without a way to ask, a file younger than `ABANDONED_AFTER` may belong to a running save.
#[cfg(not(unix))]
fn is_running(_pid: u32) -> bool {
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leftovers_of_dead_processes_go_and_live_ones_stay() {
        let dir = tempfile::tempdir().unwrap();
        let dead = dir
            .path()
            .join(format!(".{FILE_NAME}.tmp-{}-1-0", i32::MAX));
        let mine = dir
            .path()
            .join(format!(".{FILE_NAME}.tmp-{}-1-0", std::process::id()));
        let other = dir.path().join("notes.txt");
        for f in [&dead, &mine, &other] {
            fs::write(f, "{").unwrap();
        }
        assert_eq!(remove_stale(dir.path()), 1);
        assert!(!dead.exists() && mine.exists() && other.exists());
    }
}
