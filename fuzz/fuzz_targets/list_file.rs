//! A list file from the fuzzer's bytes, its header made to pass the checks that come before the
//! structure (magic, version, header length, body length, both checksums), so that what is
//! explored is the structure itself: records, the Rice-coded keys, the packed postings, the
//! vocabulary filters and the metadata blocks and their context-mixing decoder. Whatever decodes
//! is then used as a check uses it. Nothing may panic, hang or allocate beyond the file's size.
#![no_main]

use libfuzzer_sys::fuzz_target;
use provenance::list::format::{self, HEADER_LEN, MAGIC, VERSION};

fuzz_target!(|data: &[u8]| {
    let mut file = data.to_vec();
    if file.len() < HEADER_LEN {
        file.resize(HEADER_LEN, 0);
    }
    file[..8].copy_from_slice(MAGIC);
    file[8..10].copy_from_slice(&VERSION.to_le_bytes());
    file[10..12].copy_from_slice(&(HEADER_LEN as u16).to_le_bytes());
    let body_len = (file.len() - HEADER_LEN) as u64;
    file[32..40].copy_from_slice(&body_len.to_le_bytes());
    let body = crc32fast::hash(&file[HEADER_LEN..]);
    file[40..44].copy_from_slice(&body.to_le_bytes());
    let header = crc32fast::hash(&file[..44]);
    file[44..48].copy_from_slice(&header.to_le_bytes());
    let Ok(list) = format::decode(&file) else {
        return;
    };
    let page = "The harbour authority said on Monday (Reuters) that the northern pier will close \
                for repairs until the end of March 2021, after inspectors found 41 cracks.";
    let report = provenance::check(&list, page, None);
    assert!(report.candidates.len() <= 5);
    list.decode_meta_of(0..list.len());
    for i in 0..list.len().min(64) {
        let _ = list.meta(i);
        let _ = list.vocabulary(i).contains(i as u32);
    }
    let _ = list.find("o1");
    let _ = format::encode(&list);
});
