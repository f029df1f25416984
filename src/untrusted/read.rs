//! Reading an outside file without trusting it: only regular files (a FIFO would block for
//! ever, `/dev/zero` never ends, and a symlink is judged by what it points to), at most a
//! given size, and as UTF-8, with a UTF-8 byte order mark accepted and other encodings named
//! in the error with where the first bad byte is.

use std::fmt;
use std::fs::{File, OpenOptions};
use std::io::{self, Read};
use std::path::Path;

#[derive(Debug)]
pub enum ReadError {
    NotFound,
    /// What the path is instead of a regular file: "a FIFO", "a device", ...
    NotRegular(&'static str),
    TooLarge {
        limit: u64,
    },
    Encoding {
        /// 1-based; None when the whole file is in another encoding (UTF-16, UTF-32).
        at: Option<(usize, usize)>,
        message: String,
    },
    Io(io::Error),
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::NotFound => f.write_str("no such file or folder"),
            ReadError::NotRegular(what) => {
                write!(
                    f,
                    "not a regular file but {what}; townhall reads only files"
                )
            }
            ReadError::TooLarge { limit } => write!(
                f,
                "larger than townhall's limit of {} for this file",
                bytes(*limit)
            ),
            ReadError::Encoding { message, .. } => f.write_str(message),
            ReadError::Io(e) => write!(f, "cannot read: {e}"),
        }
    }
}

/// "64 MiB", "4 KiB": how limits are named in messages.
pub fn bytes(n: u64) -> String {
    match n {
        n if n >= 1 << 20 && n % (1 << 20) == 0 => format!("{} MiB", n >> 20),
        n if n >= 1 << 10 && n % (1 << 10) == 0 => format!("{} KiB", n >> 10),
        n => format!("{n} bytes"),
    }
}

/// The text of the regular file at `path`, if it is at most `limit` bytes of UTF-8.
pub fn read_text(path: &Path, limit: u64) -> Result<String, ReadError> {
    decode(read_bytes(path, limit)?)
}

/// The bytes of the regular file at `path`, if there are at most `limit` of them.
pub fn read_bytes(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let file = open(path)?;
    let metadata = file.metadata().map_err(ReadError::Io)?;
    let kind = metadata.file_type();
    if !kind.is_file() {
        return Err(ReadError::NotRegular(describe(kind)));
    }
    // Sized once from the file's length (read through `take`, the buffer would otherwise
    // double its way up, copying a large file several times); a file that has grown since
    // still reads whole, up to the limit.
    let expected = usize::try_from(metadata.len().min(limit)).unwrap_or(0);
    let mut bytes = Vec::with_capacity(expected.saturating_add(1));
    // One byte past the limit tells a file at the limit from a larger one, even if it grows.
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge { limit });
    }
    Ok(bytes)
}

/// Opening a FIFO for reading blocks until a writer comes; non-blocking, it returns at once
/// and the type check above refuses it. Reads from a regular file ignore the flag.
#[cfg(unix)]
fn open(path: &Path) -> Result<File, ReadError> {
    use std::os::unix::fs::OpenOptionsExt;
    OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY)
        .open(path)
        .map_err(opening)
}

#[cfg(not(unix))]
fn open(path: &Path) -> Result<File, ReadError> {
    let kind = std::fs::metadata(path).map_err(opening)?.file_type();
    if !kind.is_file() {
        return Err(ReadError::NotRegular(describe(kind)));
    }
    OpenOptions::new().read(true).open(path).map_err(opening)
}

fn opening(e: io::Error) -> ReadError {
    match e.kind() {
        io::ErrorKind::NotFound => ReadError::NotFound,
        _ => ReadError::Io(e),
    }
}

fn describe(kind: std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "a FIFO (named pipe)";
        }
        if kind.is_char_device() || kind.is_block_device() {
            return "a device";
        }
        if kind.is_socket() {
            return "a socket";
        }
    }
    if kind.is_dir() {
        "a folder"
    } else {
        "not a file"
    }
}

/// UTF-8 text without its byte order mark, or an error naming the encoding it seems to be.
pub fn decode(bytes: Vec<u8>) -> Result<String, ReadError> {
    let whole = |message: &str| ReadError::Encoding {
        at: None,
        message: message.to_string(),
    };
    if bytes.starts_with(&[0xFF, 0xFE, 0, 0]) || bytes.starts_with(&[0, 0, 0xFE, 0xFF]) {
        return Err(whole(
            "the file is UTF-32 text; townhall reads UTF-8 (convert it, e.g. `iconv -f UTF-32 -t UTF-8`)",
        ));
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) || looks_utf16(&bytes) {
        return Err(whole(
            "the file is UTF-16 text; townhall reads UTF-8 (convert it, e.g. `iconv -f UTF-16 -t UTF-8`)",
        ));
    }
    let start = if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        3
    } else {
        0
    };
    match std::str::from_utf8(&bytes[start..]) {
        Ok(text) => Ok(text.to_string()),
        Err(e) => {
            let valid = &bytes[start..start + e.valid_up_to()];
            let text = std::str::from_utf8(valid).unwrap_or_default();
            let line = text.matches('\n').count() + 1;
            let column = text.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            let bad = bytes[start + e.valid_up_to()];
            Err(ReadError::Encoding {
                at: Some((line, column)),
                message: format!(
                    "not UTF-8: byte 0x{bad:02X} here{}",
                    if bad >= 0x80 {
                        " (Latin-1 or Windows-1252? save the file as UTF-8, e.g. `iconv -f WINDOWS-1252 -t UTF-8`)"
                    } else {
                        ""
                    }
                ),
            })
        }
    }
}

/// UTF-16 without a byte order mark: ASCII text has a zero byte beside every character.
fn looks_utf16(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(512)];
    head.len() >= 4 && {
        let zeros = |parity| {
            head.iter()
                .skip(parity)
                .step_by(2)
                .filter(|b| **b == 0)
                .count()
        };
        let half = head.len() / 2;
        zeros(0) * 4 >= half * 3 || zeros(1) * 4 >= half * 3
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_utf8_byte_order_mark_is_dropped() {
        assert_eq!(decode(b"\xEF\xBB\xBFa: 1\n".to_vec()).unwrap(), "a: 1\n");
    }

    #[test]
    fn latin1_is_refused_where_the_byte_is() {
        let err = decode(b"a: 1\nname: J\xF6rg\n".to_vec()).unwrap_err();
        let ReadError::Encoding { at, message } = err else {
            panic!()
        };
        assert_eq!(at, Some((2, 8)));
        assert!(
            message.contains("0xF6") && message.contains("Windows-1252"),
            "{message}"
        );
    }

    #[test]
    fn utf16_is_named_with_or_without_a_mark() {
        let utf16: Vec<u8> = "community:\n  id: x\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        for bytes in [[&[0xFF, 0xFE][..], &utf16].concat(), utf16.clone()] {
            let message = decode(bytes).unwrap_err().to_string();
            assert!(message.contains("UTF-16"), "{message}");
        }
    }

    #[cfg(unix)]
    #[test]
    fn devices_fifos_and_links_to_them_are_refused_at_once() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("fifo");
        let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
        let link = dir.path().join("link.yaml");
        std::os::unix::fs::symlink("/dev/zero", &link).unwrap();
        for (path, what) in [(&fifo, "FIFO"), (&link, "device")] {
            let message = read_text(path, 1 << 20).unwrap_err().to_string();
            assert!(message.contains(what), "{message}");
        }
    }

    #[test]
    fn a_file_over_the_limit_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.yaml");
        std::fs::write(&path, vec![b'a'; 2049]).unwrap();
        let err = read_text(&path, 2048).unwrap_err();
        assert_eq!(
            err.to_string(),
            "larger than townhall's limit of 2 KiB for this file"
        );
        std::fs::write(&path, vec![b'a'; 2048]).unwrap();
        assert_eq!(read_text(&path, 2048).unwrap().len(), 2048);
    }
}
