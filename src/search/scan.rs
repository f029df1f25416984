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

/// Bit `j` set when the needle's first and last bytes fit at `base + j`, for `j < len`.
fn candidates(hay: &[u8], needle: &[u8], base: usize, len: usize) -> u64 {
    let (first, last, tail) = (needle[0], needle[needle.len() - 1], needle.len() - 1);
    let (firsts, lasts) = (spread(first), spread(last));
    let mut mask = 0;
    // Whole words of eight starting positions (short fields have a few), then byte by byte.
    let words = len / 8;
    for word in 0..words {
        let at = base + 8 * word;
        let starts = zero_bytes(load(hay, at) ^ firsts);
        let ends = zero_bytes(load(hay, at + tail) ^ lasts);
        mask |= gather(starts & ends) << (8 * word);
    }
    for j in 8 * words..len {
        mask |= (((hay[base + j] == first) & (hay[base + j + tail] == last)) as u64) << j;
    }
    mask
}

const LOW_SEVEN: u64 = 0x7F7F_7F7F_7F7F_7F7F;
const LOW_BITS: u64 = 0x0101_0101_0101_0101;

fn load(hay: &[u8], at: usize) -> u64 {
    u64::from_le_bytes(hay[at..at + 8].try_into().expect("8 bytes"))
}

fn spread(byte: u8) -> u64 {
    u64::from(byte) * LOW_BITS
}

/// The high bit of exactly the zero bytes of `x`.
fn zero_bytes(x: u64) -> u64 {
    !(((x & LOW_SEVEN).wrapping_add(LOW_SEVEN)) | x | LOW_SEVEN)
}

/// The high bits of the 8 bytes packed into the low 8 bits, byte 0 to bit 0.
fn gather(high_bits: u64) -> u64 {
    ((high_bits >> 7).wrapping_mul(0x0102_0408_1020_4080)) >> 56
}

/// `str::find(char)`, eight bytes a step for an ASCII char (the standard one calls `memcmp`
/// on every candidate, which costs more than the search for the short hops made here).
fn find_char(hay: &str, c: char) -> Option<usize> {
    if !c.is_ascii() {
        return hay.find(c);
    }
    let (bytes, pattern) = (hay.as_bytes(), spread(c as u8));
    let mut at = 0;
    while at + 8 <= bytes.len() {
        let zeros = zero_bytes(load(bytes, at) ^ pattern);
        if zeros != 0 {
            return Some(at + zeros.trailing_zeros() as usize / 8);
        }
        at += 8;
    }
    bytes[at..]
        .iter()
        .position(|&b| b == c as u8)
        .map(|p| at + p)
}

/// `str::rfind(char)`, eight bytes a step for an ASCII char.
fn rfind_char(hay: &str, c: char) -> Option<usize> {
    if !c.is_ascii() {
        return hay.rfind(c);
    }
    let (bytes, pattern) = (hay.as_bytes(), spread(c as u8));
    let mut end = bytes.len();
    while end >= 8 {
        let zeros = zero_bytes(load(bytes, end - 8) ^ pattern);
        if zeros != 0 {
            return Some(end - 8 + (63 - zeros.leading_zeros() as usize) / 8);
        }
        end -= 8;
    }
    bytes[..end].iter().rposition(|&b| b == c as u8)
}

/// Ordered-subsequence check, jumping from char to char.
pub(crate) fn is_subsequence(needle: &str, hay: &str) -> bool {
    let mut from = 0;
    for c in needle.chars() {
        match find_char(&hay[from..], c) {
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
        end += find_char(&hay[end..], c)? + c.len_utf8();
    }
    let mut start = end;
    for c in needle.chars().rev() {
        start = rfind_char(&hay[..start], c)?;
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
        before = rfind_char(&hay[..before], c).unwrap_or(0);
        bytes.push(before);
    }
    bytes.reverse();
    if hay.is_ascii() {
        return bytes;
    }
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
    fn char_search_agrees_with_the_standard_one() {
        let hay = "cloud native, cloudevents: 日本 🎉 serverless working group ".repeat(3);
        for c in ['c', 'v', 's', ' ', '日', '🎉', 'x', 'p'] {
            for from in [0, 1, 7, 8, 9, 30] {
                let part = &hay[hay.char_indices().nth(from).unwrap().0..];
                assert_eq!(find_char(part, c), part.find(c), "{c:?} from {from}");
                assert_eq!(rfind_char(part, c), part.rfind(c), "{c:?} from {from}");
            }
        }
        // Bytes that differ from the wanted one only in the high bit are not it.
        assert_eq!(find_char("\u{e9}\u{e9}\u{e9}\u{e9}i", 'i'), Some(8));
        assert_eq!(rfind_char("i\u{e9}\u{e9}\u{e9}\u{e9}", 'i'), Some(0));
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
