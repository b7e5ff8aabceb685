package com.ventusvault.simulator.banking;

/** A Nigerian bank the simulator knows: its NIBSS code, name and slug (Paystack lists both). */
public record Bank(int id, String code, String name, String slug) {
}
