import { Injectable, type PipeTransform } from '@nestjs/common';
import { RequestValidationException } from '../http/validation';

/** Transport document references: letters, digits and a few separators, at most 100 characters. */
const CONSIGNMENT_ID = /^[A-Za-z0-9][A-Za-z0-9._\-/]{0,99}$/;

@Injectable()
export class ConsignmentIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!CONSIGNMENT_ID.test(value)) {
      throw new RequestValidationException([
        { field: 'id', code: 'consignmentId', message: 'id must be a transport document reference' },
      ]);
    }
    return value;
  }
}
