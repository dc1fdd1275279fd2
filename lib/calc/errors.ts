/**
 * Bad input to the calculation core. The message is written for a student: it says what is
 * wrong with the input and why (e.g. "A VPC subnet must be between /16 and /28; /29 is too small").
 */
export class CalcError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CalcError';
  }
}
