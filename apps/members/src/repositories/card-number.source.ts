import { Injectable } from '@nestjs/common';
import { randomInt } from 'node:crypto';

/** Random digits from the operating system's CSPRNG, so card numbers are not guessable. */
@Injectable()
export class CardNumberSource {
  digits(n: number): string {
    let out = '';
    for (let i = 0; i < n; i++) out += String(randomInt(10));
    return out;
  }

  /** An 8-character referral code without look-alike characters (no 0/O, 1/I). */
  referralCode(): string {
    const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
    let out = '';
    for (let i = 0; i < 8; i++) out += alphabet[randomInt(alphabet.length)];
    return out;
  }
}
