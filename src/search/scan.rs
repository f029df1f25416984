//! Finding a term's chars in a field's text fast: every keystroke scans the text of thousands of
//! groups, so these work on bytes and skip ahead in blocks.
//!
//! Byte offsets from here are char boundaries: a valid UTF-8 needle starts with a lead byte
//! and ends with a whole char, so a byte-wise match in valid UTF-8 text starts and ends on
//! chars.

/// Where `needle` starts in `hay` (byte offsets, ascending, overlapping matches included).
///
/// Tests 64 starting positions at a time for the needle's first and last byte, eight bytes per
/// step (SWAR, no `unsafe`), and compares the whole needle only there.
pub(crate) fn occurrences<'a>(hay: &'a str, needle: &'a str) -> Occurrences<'a> {
    Occurrences {
        hay: hay.as_bytes(),
        needle: needle.as_bytes(),
        next: 0,
        base: 0,
        mask: 0,
    }
}

pub(crate) struct Occurrences<'a> {
    hay: &'a [u8],
    needle: &'a [u8],
    /// First start position not yet put in a block.
    next: usize,
    /// Start position of bit 0 of `mask`.
    base: usize,
    /// Candidate starts left in the current block.
    mask: u64,
}

impl Iterator for Occurrences<'_> {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        let m = self.needle.len();
        if m == 0 || m > self.hay.len() {
            return None;
        }
        let last_start = self.hay.len() - m;
        loop {
            while self.mask != 0 {
                let at = self.base + self.mask.trailing_zeros() as usize;
                self.mask &= self.mask - 1;
                if self.hay[at..at + m]
                    .iter()
                    .zip(self.needle)
                    .all(|(h, n)| h == n)
                {
                    return Some(at);
                }
            }
            if self.next > last_start {
                return None;
            }
            self.base = self.next;
            let len = (last_start + 1 - self.base).min(64);
            self.mask = candidates(self.hay, self.needle, self.base, len);
            self.next = self.base + len;
        }
    }
}

/// Bit `j` set when the needle's first and last bytes fit at `base + j`, for `j < len` (and
/// sometimes when they don't: callers compare the whole needle anyway).
fn candidates(hay: &[u8], needle: &[u8], base: usize, len: usize) -> u64 {
    let (first, last, tail) = (needle[0], needle[needle.len() - 1], needle.len() - 1);
    if len < 64 {
        let mut mask = 0;
        for j in 0..len {
            mask |= (((hay[base + j] == first) & (hay[base + j + tail] == last)) as u64) << j;
        }
        return mask;
    }
    let mut mask = 0;
    for word in 0..8 {
        let at = base + 8 * word;
        let starts = zero_bytes(load(hay, at) ^ spread(first));
        let ends = zero_bytes(load(hay, at + tail) ^ spread(last));
        mask |= gather(starts & ends) << (8 * word);
    }
    mask
}

const LOW_BITS: u64 = 0x0101_0101_0101_0101;
const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

fn load(hay: &[u8], at: usize) -> u64 {
    u64::from_le_bytes(hay[at..at + 8].try_into().expect("8 bytes"))
}

fn spread(byte: u8) -> u64 {
    u64::from(byte) * LOW_BITS
}

/// The high bit of every zero byte of `x` set (and maybe of a byte above a zero byte).
fn zero_bytes(x: u64) -> u64 {
    x.wrapping_sub(LOW_BITS) & !x & HIGH_BITS
}

/// The high bits of the 8 bytes packed into the low 8 bits, byte 0 to bit 0.
fn gather(high_bits: u64) -> u64 {
    ((high_bits >> 7).wrapping_mul(0x0102_0408_1020_4080)) >> 56
}

/// Ordered-subsequence check, jumping with `str::find` (memchr) from char to char.
pub(crate) fn is_subsequence(needle: &str, hay: &str) -> bool {
    let mut from = 0;
    for c in needle.chars() {
        match hay[from..].find(c) {
            Some(at) => from += at + c.len_utf8(),
            None => return false,
        }
    }
    true
}

/// The shortest run of `hay` ending where a greedy left-to-right scan completes `needle`,
/// found by scanning back from there: byte range, or `None` if `needle` is not a subsequence.
pub(crate) fn tight_window(hay: &str, needle: &str) -> Option<(usize, usize)> {
    let mut end = 0;
    for c in needle.chars() {
        end += hay[end..].find(c)? + c.len_utf8();
    }
    let mut start = end;
    for c in needle.chars().rev() {
        start = hay[..start].rfind(c)?;
    }
    Some((start, end))
}

/// Char indices of `needle`'s chars in the window `tight_window` finds.
pub(crate) fn window_positions(hay: &str, needle: &str) -> Vec<usize> {
    let Some((_, end)) = tight_window(hay, needle) else {
        return Vec::new();
    };
    let mut bytes = Vec::with_capacity(needle.len());
    let mut before = end;
    for c in needle.chars().rev() {
        before = hay[..before].rfind(c).unwrap_or(0);
        bytes.push(before);
    }
    bytes.reverse();
    bytes.iter().map(|&b| hay[..b].chars().count()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(hay: &str, needle: &str) -> Vec<usize> {
        occurrences(hay, needle).collect()
    }

    /// What `occurrences` must agree with: every start, the slow way.
    fn naive(hay: &str, needle: &str) -> Vec<usize> {
        (0..hay.len())
            .filter(|&i| hay.as_bytes()[i..].starts_with(needle.as_bytes()))
            .collect()
    }

    #[test]
    fn occurrences_include_overlaps_and_land_on_chars() {
        assert_eq!(all("aaa-aa", "aa"), [0, 1, 4]);
        assert_eq!(all("日本日本", "本"), [3, 9]);
        assert_eq!(all("abc", "abcd"), Vec::<usize>::new());
        assert_eq!(all("abc", ""), Vec::<usize>::new());
        assert_eq!(all("abc", "abc"), [0]);
    }

    #[test]
    fn occurrences_agree_with_a_naive_scan_across_block_edges() {
        let text = "cloud native cloudevents ".repeat(12) + "clo🎉cloud日本cl";
        for needle in [
            "c",
            "cl",
            "cloud",
            "cloudevents",
            " ",
            "d n",
            "🎉c",
            "本c",
            "clx",
        ] {
            assert_eq!(all(&text, needle), naive(&text, needle), "{needle:?}");
        }
        for len in 60..70 {
            let hay = "x".repeat(len) + "yz";
            assert_eq!(all(&hay, "yz"), [len], "{len}");
            assert_eq!(all(&hay, "xy"), [len - 1], "{len}");
        }
    }

    #[test]
    fn subsequences_and_their_tightest_window() {
        assert!(is_subsequence("cev", "cloudevents"));
        assert!(!is_subsequence("vce", "cloudevents"));
        let hay = "a fab and a long bulky";
        assert_eq!(tight_window(hay, "fbk"), Some((2, 21)));
        assert_eq!(window_positions(hay, "fbk"), [2, 17, 20]);
        assert_eq!(window_positions("日本 🎉 x", "本x"), [1, 5]);
        assert_eq!(tight_window(hay, "kf"), None);
    }
}
