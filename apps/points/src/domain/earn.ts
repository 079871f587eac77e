/** The integer earning and valuing maths lives in `@club/money` (the gateway computes base points with it too). */
export * from '@club/money';
