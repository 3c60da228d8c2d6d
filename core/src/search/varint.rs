//! LEB128 variable-length integers: the index stores document gaps, term
//! frequencies and word ids this way, most of them in one byte, which keeps a
//! 10,000-article index in a few megabytes of wasm memory.

pub fn push(out: &mut Vec<u8>, mut value: u32) {
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
}
