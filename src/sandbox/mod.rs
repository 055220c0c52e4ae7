//! The local Fanvue emulator.
