//! The web entry point: Trunk builds this for wasm32.
fn main() {
    #[cfg(target_arch = "wasm32")]
    folio::ui::browser::start();
}
