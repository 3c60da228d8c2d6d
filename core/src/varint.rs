//! LEB128 variable-length integers: the index stores document gaps, term
//! frequencies and word ids this way, most of them in one byte, which keeps a
//! 10,000-article index in a few megabytes of wasm memory; the corpus bundle
//! stores its lengths, counts and numbers this way too.

pub fn push(out: &mut Vec<u8>, value: impl Into<u64>) {
    let mut value = value.into();
    while value >= 0x80 {
        out.push((value as u8) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

/// Reads one integer at `*at`, advancing it. Bytes written by [`push`] always
/// decode; a truncated buffer reads as 0 rather than panicking.
#[inline]
pub fn read(bytes: &[u8], at: &mut usize) -> u32 {
    // Most values are one byte: the loop below only for the rest.
    if let Some(&byte) = bytes.get(*at) {
        if byte < 0x80 {
            *at += 1;
            return u32::from(byte);
        }
    }
    let mut value = 0u32;
    let mut shift = 0;
    while let Some(&byte) = bytes.get(*at) {
        *at += 1;
        if shift < 32 {
            value |= u32::from(byte & 0x7f) << shift;
        }
        if byte & 0x80 == 0 {
            break;
        }
        shift += 7;
    }
    value
}

/// Every integer of `bytes` in turn, read as [`read`] reads them.
pub fn iter(bytes: &[u8]) -> impl Iterator<Item = u32> + '_ {
    let mut at = 0;
    std::iter::from_fn(move || (at < bytes.len()).then(|| read(bytes, &mut at)))
}

/// What is wrong with a number [`read_strict`] could not read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Malformed {
    /// The bytes end inside the number.
    Truncated,
    /// More than 64 bits.
    TooLarge,
}

/// Reads one integer at `*at`, advancing it, and says what is wrong rather
/// than reading 0: for the bundle, whose damage must be an error.
pub fn read_strict(bytes: &[u8], at: &mut usize) -> Result<u64, Malformed> {
    let mut value = 0u64;
    for shift in (0..64).step_by(7) {
        let byte = *bytes.get(*at).ok_or(Malformed::Truncated)?;
        *at += 1;
        let bits = u64::from(byte & 0x7f);
        if bits << shift >> shift != bits {
            return Err(Malformed::TooLarge);
        }
        value |= bits << shift;
        if byte & 0x80 == 0 {
            return Ok(value);
        }
    }
    Err(Malformed::TooLarge)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips() {
        let values = [0, 1, 127, 128, 300, 16_383, 16_384, u32::MAX];
        let mut bytes = Vec::new();
        for v in values {
            push(&mut bytes, v);
        }
        assert_eq!(bytes.len(), 1 + 1 + 1 + 2 + 2 + 2 + 3 + 5);
        let mut at = 0;
        for v in values {
            assert_eq!(read(&bytes, &mut at), v);
        }
        assert_eq!(at, bytes.len());
        assert_eq!(read(&bytes, &mut at), 0);
    }

    #[test]
    fn strict_reads_say_what_is_wrong() {
        let mut bytes = Vec::new();
        push(&mut bytes, u64::MAX);
        push(&mut bytes, 300u32);
        let mut at = 0;
        assert_eq!(read_strict(&bytes, &mut at), Ok(u64::MAX));
        assert_eq!(read_strict(&bytes, &mut at), Ok(300));
        assert_eq!(read_strict(&bytes, &mut at), Err(Malformed::Truncated));
        assert_eq!(read_strict(&[0x80], &mut 0), Err(Malformed::Truncated));
        // 2^64: the tenth byte carries a bit past the 64th.
        let past = [0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x02];
        assert_eq!(read_strict(&past, &mut 0), Err(Malformed::TooLarge));
        assert_eq!(read_strict(&[0xff; 11], &mut 0), Err(Malformed::TooLarge));
    }
}
